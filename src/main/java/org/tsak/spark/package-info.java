/**
 * Running a run's plan on Apache Spark ({@code tsak experiment --engine spark}, or the same
 * command through {@code spark-submit} on a cluster; docs/SCALE.md): the plan of
 * {@link org.tsak.train.ExperimentRunner} goes to Spark as one job per dependency level (the
 * fold tasks, then the students), each task run by its id on an executor that opens the shared
 * run folder itself; the table is then gathered on the driver as for the local executor. The
 * only package that imports {@code org.apache.spark}; Spark is not in the plain jar's runtime
 * libraries ({@link org.tsak.spark.SparkEngine} says how to get it).
 */
package org.tsak.spark;
