package org.tsak.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Entries registered under stable kebab-case names, in registration order: the common part of
 * the dataset-source and export-format registries ({@code data.DatasetSources},
 * {@code export.ExportFormats}). Each registry words its own error for an unknown name.
 *
 * @param <T> the registered type
 */
public final class NamedRegistry<T> {

    private final Map<String, T> byName;

    /**
     * A registry of {@code entries}, in order.
     *
     * @param kind    what an entry is, for errors (e.g. {@code "dataset source"})
     * @param entries the entries
     * @param name    an entry's name
     * @throws IllegalArgumentException if a name is not kebab-case or repeats (naming both entries' classes)
     */
    public NamedRegistry(String kind, List<? extends T> entries, Function<? super T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T e : entries) {
            String n = name.apply(e);
            if (n == null || !n.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException(kind + " name '" + n + "': use kebab-case");
            }
            T other = map.putIfAbsent(n, e);
            if (other != null) {
                throw new IllegalArgumentException(kind + " '" + n + "' registered twice ("
                        + other.getClass().getSimpleName() + " and " + e.getClass().getSimpleName() + ")");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** All names in registration order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** All entries in registration order. */
    public List<T> all() {
        return List.copyOf(byName.values());
    }

    /** The entry registered under {@code name}, if any. */
    public Optional<T> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
