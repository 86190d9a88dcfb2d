/**
 * The {@code tsak-recording v1} CSV format (docs/DATA.md): {@link org.tsak.data.csv.CsvRecordingReader}
 * reads recordings from a file or folder, {@link org.tsak.data.csv.CsvRecordingWriter} writes them,
 * {@link org.tsak.data.csv.CsvRecordingFormat} holds the constants both share.
 */
package org.tsak.data.csv;
