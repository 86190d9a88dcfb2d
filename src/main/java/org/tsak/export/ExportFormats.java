package org.tsak.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.tsak.deploy.CExport;
import org.tsak.deploy.CExporter;
import org.tsak.deploy.ContextHead;
import org.tsak.deploy.OnnxExporter;
import org.tsak.deploy.StudentArtifact;
import org.tsak.io.NamedRegistry;

/**
 * The one place where export formats are registered: each value of {@code tsak export --format}
 * and its {@link ExportFormat}. The writers themselves live in {@code deploy} (no DJL); this
 * registry adapts each to {@link ExportFormat.Writer}. Names are stable kebab-case; an unknown name
 * fails with the list of registered ones.
 */
public final class ExportFormats {

    /** Base name of the C files ({@code tsak_student.h}, {@code tsak_student.c}). */
    public static final String C_BASE_NAME = "tsak_student";

    private static final ExportFormats REGISTERED = fill();

    private final NamedRegistry<ExportFormat> formats;

    private static ExportFormats fill() {
        return new ExportFormats(List.of(
                new ExportFormat("tsak", "tsak", "versioned, checksummed artifact for the Java runtime and `tsak stream`",
                        false, "", ExportFormats::writeTsak),
                new ExportFormat("onnx", "onnx", "ONNX opset 13 model, normalisation inside", false, "ONNX Runtime",
                        ExportFormats::writeOnnx),
                new ExportFormat("c", "", "C99 .h/.c pair for microcontrollers, no malloc", true,
                        "gcc, and QEMU for the Cortex-M4", ExportFormats::writeC)));
    }

    /**
     * A registry of the given formats, in order.
     *
     * @throws IllegalArgumentException if a name repeats or is not kebab-case
     */
    public ExportFormats(List<ExportFormat> formats) {
        this.formats = new NamedRegistry<>("export format", formats, ExportFormat::name);
    }

    /** The registered formats: tsak, onnx, c. */
    public static ExportFormats registered() {
        return REGISTERED;
    }

    /** All names in registration order. */
    public List<String> names() {
        return formats.names();
    }

    /** All formats in registration order. */
    public List<ExportFormat> all() {
        return formats.all();
    }

    /**
     * The format registered under {@code name}.
     *
     * @throws IllegalArgumentException naming the value and listing the registered names
     */
    public ExportFormat format(String name) {
        return formats.find(name).orElseThrow(() -> new IllegalArgumentException("unknown export format '" + name
                + "'; valid: " + String.join(", ", names())));
    }

    private static ExportFormat.Written writeTsak(StudentArtifact a, Path file, ExportFormat.Options options)
            throws IOException {
        a.write(file);
        return new ExportFormat.Written(List.of(file), sized(file), String.format("%d parameters, channels %s",
                a.weights().parameterCount(), a.channelNames()), "");
    }

    private static ExportFormat.Written writeOnnx(StudentArtifact a, Path file, ExportFormat.Options options)
            throws IOException {
        OnnxExporter.write(a, file);
        ContextHead head = a.contextHead();
        return new ExportFormat.Written(List.of(file), sized(file), String.format("ONNX IR %d, opset %d, input '%s'"
                + " [N,%d,%d] raw units, output '%s' [N,%d]", OnnxExporter.IR_VERSION, OnnxExporter.OPSET_VERSION,
                OnnxExporter.INPUT_NAME, a.inputChannels(), a.windowSamples(), OnnxExporter.OUTPUT_NAME,
                a.classIds().size()), head == null ? "" : "; ONNX input '" + OnnxExporter.CONTEXT_INPUT_NAME + "' [N,"
                + head.pastSteps() + "," + head.projectionSize() + "] (past projections, zeros when absent), output '"
                + OnnxExporter.PROJECTION_OUTPUT_NAME + "' [N," + head.projectionSize()
                + "] (shift it into the context for the next window)");
    }

    private static ExportFormat.Written writeC(StudentArtifact a, Path dir, ExportFormat.Options options)
            throws IOException {
        CExport c = CExporter.render(a, C_BASE_NAME,
                options.int8() ? CExporter.Precision.INT8 : CExporter.Precision.FLOAT32);
        c.write(dir);
        return new ExportFormat.Written(List.of(dir.resolve(c.headerFileName()), dir.resolve(c.sourceFileName())),
                dir + "/" + c.headerFileName() + " and .c", c.footprint().describe(), a.contextHead() == null ? ""
                : "; C: tsak_predict once per window, tsak_skip() for a missing one, tsak_reset() for a new stream");
    }

    private static String sized(Path file) throws IOException {
        return String.format("%s (%,d bytes)", file, Files.size(file));
    }
}
