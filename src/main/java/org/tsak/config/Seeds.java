package org.tsak.config;

import java.nio.charset.StandardCharsets;

/**
 * Child seeds from the one root seed: each stage and component gets a seed derived from the
 * root and its name (e.g. {@code teacher/fold-0}, {@code student/sc-logit/seed-2}), so adding
 * a strategy never changes the seeds of the others.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A 64-bit seed from the root seed and a path of names (SplitMix64 over the UTF-8 bytes). */
    public static long derive(long root, String... path) {
        long h = mix(root);
        for (String p : path) {
            for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
                h = mix(h ^ (b & 0xff));
            }
            h = mix(h ^ 0x2f);
        }
        return h;
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood, OOPSLA 2014): a well-mixed 64-bit hash of {@code z}. */
    public static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
