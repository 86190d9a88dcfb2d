/* Runs the export on the embedded test windows. With TSAK_PRINT: prints "logits <w> <class> <z>..."
 * per window through semihosting (newlib rdimon). Without: no stdio, the classes go to a volatile
 * sink (the image whose flash, RAM and instructions are measured). tsak_mark_begin/end bracket each
 * call so an execution trace can count the instructions of one window. */
#include "student.h"
#include "test_windows.h"
#ifdef TSAK_PRINT
#include <stdio.h>
extern void initialise_monitor_handles(void);
#endif

volatile int tsak_sink;

__attribute__((noinline)) void tsak_mark_begin(void)
{
    __asm__ volatile("" : : : "memory");
}

__attribute__((noinline)) void tsak_mark_end(void)
{
    __asm__ volatile("" : : : "memory");
}

int main(void)
{
    float logits[TSAK_CLASS_COUNT];
    int w;
#ifdef TSAK_PRINT
    initialise_monitor_handles();
#endif
    for (w = 0; w < TSAK_TEST_WINDOW_COUNT; w++) {
        int cls;
        tsak_mark_begin();
        cls = tsak_predict(tsak_test_windows[w], logits);
        tsak_mark_end();
#ifdef TSAK_PRINT
        {
            int i;
            printf("logits %d %d", w, cls);
            for (i = 0; i < TSAK_CLASS_COUNT; i++) {
                printf(" %.9g", (double) logits[i]);
            }
            printf("\n");
        }
#else
        tsak_sink += cls;
#endif
    }
#ifdef TSAK_PRINT
    fflush(stdout);
#endif
    return 0;
}
