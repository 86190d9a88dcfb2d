package org.tsak.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the student benchmarks in one JMH run and prints, after JMH's own table, one line per row
 * with its achieved GFLOP/s: the cost model's FLOPs per window of the benchmarks' student
 * ({@link DemoStudent#flops}) divided by the measured time. Rows: the pure-Java runtime (float,
 * int8) and DJL ({@link StudentLatencyBenchmark}), ONNX Runtime ({@link StudentOrtBenchmark}, its own
 * fork without PyTorch; a row that failed is printed as failed, never left out), the batched
 * runtime ({@link StudentBatchBenchmark}, windows per second) when included.
 * Arguments are JMH's; without a benchmark pattern it runs {@value #DEFAULT_INCLUDE}.
 * Run: {@code ./bench} or {@code ./bench summary 'Student(Latency|Ort|Batch)Benchmark' -f 1 -wi 3 -i 5}.
 */
public final class StudentBenchSummary {

    /** The benchmarks run when no pattern is given. */
    static final String DEFAULT_INCLUDE = "Student(Latency|Ort)Benchmark";

    private StudentBenchSummary() {
    }

    public static void main(String[] args) throws CommandLineOptionException, RunnerException {
        CommandLineOptions opts = new CommandLineOptions(args);
        if (opts.getIncludes().isEmpty()) {
            List<String> all = new ArrayList<>(List.of(args));
            all.add(0, DEFAULT_INCLUDE);
            opts = new CommandLineOptions(all.toArray(new String[0]));
        }
        Collection<RunResult> results = new Runner(opts).run();
        long flops = DemoStudent.flops(DemoStudent.spec());
        System.out.printf("%nStudent: %s, %,d FLOPs per window (cost model)%n", DemoStudent.config(), flops);
        boolean ort = false;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String label = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            for (String k : r.getParams().getParamsKeys()) {
                params.append(' ').append(k).append('=').append(r.getParams().getParam(k));
            }
            Result<?> primary = r.getPrimaryResult();
            ort |= name.endsWith("studentOnnxRuntime");
            if (primary.getScoreUnit().startsWith("us/")) {
                String gflops = name.contains("teacher") ? "" : String.format("  %.1f GFLOP/s",
                        flops / (primary.getScore() * 1e3));
                System.out.printf("%-48s %9.2f ± %.2f µs per window%s%n", label + params, primary.getScore(),
                        primary.getScoreError(), gflops);
            } else {
                Result<?> windows = r.getSecondaryResults().get("windows");
                Result<?> done = r.getSecondaryResults().get("flops");
                System.out.printf("%-48s %,9.0f windows/s%s%n", label + params,
                        windows == null ? primary.getScore() : windows.getScore(),
                        done == null ? "" : String.format("  %.1f GFLOP/s", done.getScore() / 1e9));
            }
        }
        if (!ort && opts.getIncludes().stream()
                .anyMatch(i -> Pattern.compile(i).matcher(StudentOrtBenchmark.class.getName() + ".studentOnnxRuntime").find())) {
            System.out.println("StudentOrtBenchmark.studentOnnxRuntime          no figure: its run failed (see "
                    + "'ONNX Runtime row skipped' or the exception above)");
        }
    }
}
