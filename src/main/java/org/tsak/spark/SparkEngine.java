package org.tsak.spark;

import java.nio.file.Path;

import org.tsak.train.ExperimentRunner;
import org.tsak.train.ProgressListener;

/**
 * The entry to the Spark executor that needs no Spark classes itself: it checks that Spark is on
 * the classpath before anything touches {@link SparkExecutor}, and otherwise says how to run
 * through {@code spark-submit}.
 */
public final class SparkEngine {

    private static final String SPARK_CONTEXT = "org.apache.spark.api.java.JavaSparkContext";

    private SparkEngine() {
    }

    /** True when Spark's classes can be loaded (run through spark-submit, or in the tests). */
    public static boolean available() {
        try {
            Class.forName(SPARK_CONTEXT, false, SparkEngine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Checks that Spark is on the classpath, before a run reads its data.
     *
     * @throws IllegalStateException if not (the message gives the spark-submit command)
     */
    public static void requireAvailable() {
        if (!available()) {
            throw new IllegalStateException(missingMessage());
        }
    }

    /**
     * The executor of a run's plan on Spark.
     *
     * @param runDir   the run folder, on storage every executor reaches at the same path
     * @param master   Spark master URL ({@code --master}), or null for spark-submit's, else
     *                 {@code local[workers]}
     * @param workers  tasks at once in local mode when no master is given
     * @param progress the driver's progress (jobs, task summary) and, in local mode, the tasks'
     * @throws IllegalStateException if Spark is not on the classpath (the message gives the
     *                               spark-submit command)
     */
    public static ExperimentRunner.PlanExecutor executor(Path runDir, String master, int workers,
            ProgressListener progress) {
        requireAvailable();
        return new SparkExecutor(runDir, master, workers, progress);
    }

    /** What to do when Spark is not on the classpath. */
    static String missingMessage() {
        return "--engine spark: Apache Spark is not on the classpath (the plain ./tsak jar does not carry it: it is a"
                + " provided dependency). Run the same command through spark-submit (Spark 4.x, Scala 2.13), e.g.\n"
                + "  OPT_OUT_TRACKING=true spark-submit --master 'local[2]' --class org.tsak.cli.TsakCommand \\\n"
                + "    --driver-java-options -Dai.djl.offline=true \\\n"
                + "    --jars \"$(ls target/lib/*.jar | paste -sd, -)\" target/tsak.jar \\\n"
                + "    experiment --config FILE --engine spark\n"
                + "(a cluster: docs/SCALE.md), or use the default --engine local.";
    }
}
