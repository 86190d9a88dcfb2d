/* Minimal Cortex-M4F startup for the QEMU mps2-an386 tests: vector table, reset handler (FPU on,
 * .data copied, .bss zeroed), semihosting exit. No libc needed. */
#include <stdint.h>

extern uint32_t __stack_top[];
extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start__[], __bss_end__[];
int main(void);

/* Semihosting SYS_EXIT (0x18): ADP_Stopped_ApplicationExit for 0 (QEMU exits 0), else a run-time error (QEMU exits 1). */
void tsak_semihosting_exit(int code)
{
    register uint32_t r0 __asm__("r0") = 0x18u;
    register uint32_t r1 __asm__("r1") = code == 0 ? 0x20026u : 0x20023u;
    __asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
    for (;;) {
    }
}

void Reset_Handler(void)
{
    volatile uint32_t *cpacr = (volatile uint32_t *) 0xE000ED88u;
    uint32_t *src = __data_load;
    uint32_t *dst;
    *cpacr |= 0xFu << 20; /* CP10 and CP11 full access: the FPU, before any float instruction */
    __asm__ volatile("dsb\n\tisb" : : : "memory");
    for (dst = __data_start; dst < __data_end; dst++) {
        *dst = *src++;
    }
    for (dst = __bss_start__; dst < __bss_end__; dst++) {
        *dst = 0;
    }
    tsak_semihosting_exit(main());
}

static void Fault_Handler(void)
{
    tsak_semihosting_exit(3);
}

__attribute__((section(".vectors"), used)) static void (*const tsak_vectors[16])(void) = {
    (void (*)(void)) __stack_top, Reset_Handler, Fault_Handler, Fault_Handler, Fault_Handler, Fault_Handler,
    Fault_Handler, 0, 0, 0, 0, Fault_Handler, Fault_Handler, 0, Fault_Handler, Fault_Handler
};
