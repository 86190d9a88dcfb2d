package org.tsak.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NamedRegistryTest {

    @Test
    void keepsRegistrationOrderAndFindsByName() {
        NamedRegistry<String> r = new NamedRegistry<>("thing", List.of("b-2", "a", "c3"), s -> s);
        assertEquals(List.of("b-2", "a", "c3"), r.names());
        assertEquals(Optional.of("a"), r.find("a"));
        assertEquals(Optional.empty(), r.find("A"));
    }

    @Test
    void refusesRepeatedAndNonKebabNames() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new NamedRegistry<>("thing", List.of("x", "y", "x"), s -> s));
        assertTrue(twice.getMessage().startsWith("thing 'x' registered twice"), twice.getMessage());
        for (String bad : new String[] {"Upper", "snake_case", "-lead", "trail-", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new NamedRegistry<>("thing", List.of(bad), s -> s));
            assertTrue(e.getMessage().contains("kebab-case"), e.getMessage());
        }
    }
}
