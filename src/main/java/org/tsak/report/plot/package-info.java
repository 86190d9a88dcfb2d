/**
 * The report's plots, one class per chart, each a pure function from run-folder records to a
 * JFreeChart rendered headless to PNG bytes of a fixed size: cost against accuracy with the
 * efficiency frontier, per-class F1, confusion matrices, training curves and a timeline of
 * true against predicted operations.
 */
package org.tsak.report.plot;
