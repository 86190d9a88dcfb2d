/**
 * Reading a finished run folder ({@link org.tsak.report.RunFolderReader}) and presenting it: the
 * self-contained HTML report ({@link org.tsak.report.HtmlReportWriter}) and its plots
 * ({@code plot}). Reads files through {@link org.tsak.io.RunLayout} and {@code eval} types;
 * never imports {@code train}.
 */
package org.tsak.report;
