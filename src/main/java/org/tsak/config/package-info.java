/**
 * The one definition of a run: {@link org.tsak.config.ExperimentConfig} and its records, loaded
 * from YAML by {@link org.tsak.config.ConfigLoader}, validated in their constructors, with the
 * root seed and its derived child seeds ({@link org.tsak.config.Seeds}). Lowest layer: imports
 * no other package of the project.
 */
package org.tsak.config;
