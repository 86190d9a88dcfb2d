package org.tsak.bench;

/**
 * The C {@code main} that times an export on the host: prints the logits of every embedded test
 * window ({@code logits <w> <class> <z>...}, {@code %.9g}), then calibrates an iteration count to
 * about 0.2 s and prints {@code repeats} lines {@code micros_per_window <us>}: each the wall time
 * ({@code clock_gettime(CLOCK_MONOTONIC)}) of that many calls of {@code tsak_predict} cycling
 * through the windows, divided by the count; the returned classes go to a volatile sink.
 */
final class CTimingDriver {

    /** File name of the driver source. */
    static final String FILE_NAME = "timing_main.c";

    static final String SOURCE = """
            #define _POSIX_C_SOURCE 199309L
            #include <stdio.h>
            #include <stdlib.h>
            #include <time.h>
            #include "student.h"
            #include "test_windows.h"

            static double now_us(void)
            {
                struct timespec ts;
                clock_gettime(CLOCK_MONOTONIC, &ts);
                return (double) ts.tv_sec * 1e6 + (double) ts.tv_nsec / 1e3;
            }

            static volatile int sink;

            static double run(long iterations)
            {
                float logits[TSAK_CLASS_COUNT];
                double t0 = now_us();
                long n;
                for (n = 0; n < iterations; n++) {
                    sink += tsak_predict(tsak_test_windows[n % TSAK_TEST_WINDOW_COUNT], logits);
                }
                return now_us() - t0;
            }

            int main(int argc, char **argv)
            {
                float logits[TSAK_CLASS_COUNT];
                int repeats = argc > 1 ? atoi(argv[1]) : 5;
                long iterations = 1000;
                int w, i, r;
                for (w = 0; w < TSAK_TEST_WINDOW_COUNT; w++) {
                    int cls = tsak_predict(tsak_test_windows[w], logits);
                    printf("logits %d %d", w, cls);
                    for (i = 0; i < TSAK_CLASS_COUNT; i++) {
                        printf(" %.9g", logits[i]);
                    }
                    printf("\\n");
                }
                while (run(iterations) < 2e5) {
                    iterations *= 2;
                }
                for (r = 0; r < repeats; r++) {
                    printf("micros_per_window %.4f\\n", run(iterations) / (double) iterations);
                }
                return 0;
            }
            """;

    private CTimingDriver() {
    }
}
