package org.tsak.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Flash and RAM from {@code arm-none-eabi-size -A} output and a GNU ld map (excerpts of real files). */
class ArmSectionsTest {

    private static final String SIZE = """
            bare.elf  :
            section              size         addr
            .vectors               64            0
            .text               20300           64
            .data                   4    536870912
            .bss                 5740    536870916
            .ARM.attributes        46            0
            .comment               30            0
            Total               26184
            """;

    private static final String MAP = """
            Discarded input sections

             .text          0x00000000        0x0 student.o
             .rodata.str1.4
                            0x00000000       0xa9 student.o

            Memory Configuration

            Linker script and memory map

             .text.tsak_predict
                            0x000001fc      0x690 student.o
             .text.main     0x00000100       0x40 main_bare.o
             .rodata.tsak_conv3_w
                            0x00003a18     0x1e00 student.o
             *fill*         0x00005818        0x2
             .bss.tsak_buf_a
                            0x20000000      0x980 student.o
             .data.x        0x20000980        0x4 student.o
             .ARM.attributes
                            0x00000000       0x2e student.o
            """;

    @Test
    void sizeOutputCountsCodeAndConstantsAsFlashAndDataTwice() {
        ArmSections s = ArmSections.fromSizeOutput(SIZE);
        assertEquals(64 + 20_300 + 4, s.flashBytes());
        assertEquals(4 + 5_740, s.ramBytes());
    }

    @Test
    void linkerMapCountsOneObjectAfterGarbageCollection() {
        ArmSections s = ArmSections.fromLinkerMap(MAP, "student.o");
        // flash: .text 0x690 + .rodata 0x1e00 + .data 4 (the discarded 0xa9 does not count)
        assertEquals(0x690 + 0x1e00 + 4, s.flashBytes());
        // RAM: .bss 0x980 + .data 4
        assertEquals(0x980 + 4, s.ramBytes());
        assertThrows(IllegalArgumentException.class, () -> ArmSections.fromLinkerMap("no map", "student.o"));
    }
}
