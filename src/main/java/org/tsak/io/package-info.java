/**
 * Files of a run folder: where each one lives ({@link org.tsak.io.RunLayout}, docs/RUN_FOLDER.md),
 * atomic writes ({@link org.tsak.io.AtomicFiles}) and the one-writer lock
 * ({@link org.tsak.io.RunFolderLock}). Lowest layer: imports no other package of the project.
 */
package org.tsak.io;
