package org.tsak.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.deploy.CExport;
import org.tsak.deploy.CExporter;
import org.tsak.deploy.OnnxExporter;
import org.tsak.deploy.RandomArtifacts;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;

/**
 * The registry of {@code tsak export --format} values: every registered name writes a real
 * student artifact with its writer in {@code deploy}; an unknown name fails listing the registered
 * ones; a name cannot be registered twice.
 */
class ExportFormatsTest {

    private static final StudentArtifact STUDENT = RandomArtifacts.rightWristAcc(5, 30.0, 60, 30, new int[] {8, 16});
    private static final StudentArtifact WITH_HEAD = RandomArtifacts.withContextHead(STUDENT, 6, 3, 4);

    @TempDir
    Path dir;

    @Test
    void registeredNamesRoundTrip() {
        ExportFormats registry = ExportFormats.registered();
        assertEquals(List.of("tsak", "onnx", "c"), registry.names());
        for (String name : registry.names()) {
            ExportFormat f = registry.format(name);
            assertEquals(name, f.name());
            assertFalse(f.description().isBlank(), name);
        }
        assertEquals(List.of("c"), registry.all().stream().filter(ExportFormat::takesInt8).map(ExportFormat::name)
                .toList(), "only the C writer has int8 weights");
    }

    @Test
    void tsakWritesTheArtifactTheRuntimeReadsBack() throws IOException {
        ExportFormat f = ExportFormats.registered().format("tsak");
        Path file = f.defaultOutput(dir, "student-x");
        assertEquals(dir.resolve("student-x.tsak"), file);
        ExportFormat.Written w = f.write(STUDENT, file, ExportFormat.Options.DEFAULT);
        assertEquals(List.of(file), w.files());
        StudentArtifact read = StudentArtifact.read(file);
        float[] raw = new float[3 * 60]; // channel-major
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (float) Math.sin(0.1 * i);
        }
        assertArrayEquals(StudentRuntime.of(STUDENT).logits(raw), StudentRuntime.of(read).logits(raw), 0f);
        assertTrue(w.summary().contains("channels [right_wrist/acc_x"), w.summary());
        assertEquals("", f.write(WITH_HEAD, dir.resolve("h.tsak"), ExportFormat.Options.DEFAULT).contextHeadUse(),
                "the runtime reads the head from the artifact itself");
    }

    @Test
    void onnxWritesTheOnnxExportersModel() throws IOException {
        ExportFormat f = ExportFormats.registered().format("onnx");
        Path file = f.defaultOutput(dir, "student-x");
        assertEquals(dir.resolve("student-x.onnx"), file);
        ExportFormat.Written w = f.write(STUDENT, file, ExportFormat.Options.DEFAULT);
        assertArrayEquals(OnnxExporter.export(STUDENT), Files.readAllBytes(file));
        assertTrue(w.summary().startsWith("ONNX IR " + OnnxExporter.IR_VERSION + ", opset 13"), w.summary());
        assertTrue(w.where().startsWith(file + " (") && w.where().endsWith(" bytes)"), w.where());
        assertEquals("", w.contextHeadUse());
        String head = f.write(WITH_HEAD, dir.resolve("h.onnx"), ExportFormat.Options.DEFAULT).contextHeadUse();
        assertTrue(head.contains("ONNX input '" + OnnxExporter.CONTEXT_INPUT_NAME + "' [N,"
                + WITH_HEAD.contextHead().pastSteps() + ",4]"), head);
        assertFalse(f.fileTestedBy().isEmpty(), "the export check does not run the ONNX file");
    }

    @Test
    void cWritesTheHeaderAndSourceInFloatOrInt8() throws IOException {
        ExportFormat f = ExportFormats.registered().format("c");
        Path out = f.defaultOutput(dir, "student-x");
        assertEquals(dir.resolve("c"), out, "a folder, not a file");
        ExportFormat.Written w = f.write(STUDENT, out, ExportFormat.Options.DEFAULT);
        CExport expected = CExporter.render(STUDENT, ExportFormats.C_BASE_NAME, CExporter.Precision.FLOAT32);
        assertEquals(List.of(out.resolve("tsak_student.h"), out.resolve("tsak_student.c")), w.files());
        assertEquals(expected.header(), Files.readString(out.resolve("tsak_student.h")));
        assertEquals(expected.source(), Files.readString(out.resolve("tsak_student.c")));
        assertEquals(expected.footprint().describe(), w.summary());

        Path int8 = dir.resolve("c8");
        f.write(STUDENT, int8, new ExportFormat.Options(true));
        CExport q = CExporter.render(STUDENT, ExportFormats.C_BASE_NAME, CExporter.Precision.INT8);
        assertEquals(q.source(), Files.readString(int8.resolve("tsak_student.c")));
        assertNotEquals(expected.source(), q.source());
        assertTrue(f.write(WITH_HEAD, dir.resolve("ch"), ExportFormat.Options.DEFAULT).contextHeadUse()
                .contains("tsak_skip()"));
    }

    @Test
    void int8IsRefusedByAFormatThatDoesNotTakeIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFormats.registered()
                .format("onnx").write(STUDENT, dir.resolve("x.onnx"), new ExportFormat.Options(true)));
        assertTrue(e.getMessage().contains("float32"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.onnx")));
    }

    @Test
    void unknownNameListsTheRegisteredOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExportFormats.registered().format("tflite"));
        assertEquals("unknown export format 'tflite'; valid: tsak, onnx, c", e.getMessage());
    }

    @Test
    void aNameIsRegisteredOnce() {
        ExportFormat tsak = ExportFormats.registered().format("tsak");
        ExportFormat c = ExportFormats.registered().format("c");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExportFormats(List.of(tsak, c, tsak)));
        assertTrue(e.getMessage().contains("'tsak' registered twice"), e.getMessage());
        assertEquals(List.of("c", "tsak"), new ExportFormats(List.of(c, tsak)).names());
        assertThrows(IllegalArgumentException.class, () -> new ExportFormat("Tsak_2", "x", "d", false, "",
                tsak.writer()), "names are kebab-case");
    }
}
