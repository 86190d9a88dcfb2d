package org.tsak.data.window;

/**
 * Divides the windows of a {@link WindowSet} into train, validation and test without
 * cutting through a person's data in a way that leaks: by subject, by session, or by
 * contiguous time blocks. Never a random split of overlapping windows.
 */
public interface Splitter {

    /**
     * @throws IllegalArgumentException if the split is impossible for this window set (an
     *                                  unknown subject, an empty training part, ...), saying why
     */
    Split split(WindowSet set);
}
