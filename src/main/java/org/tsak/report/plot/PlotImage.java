package org.tsak.report.plot;

/**
 * A rendered plot: its PNG bytes and what the report says about it.
 *
 * @param fileName  PNG file name inside the report folder
 * @param title     heading shown above it
 * @param altText   text alternative (what the plot shows)
 * @param png       PNG bytes
 * @param widthPx   image width in pixels
 * @param heightPx  image height in pixels
 */
public record PlotImage(String fileName, String title, String altText, byte[] png, int widthPx, int heightPx) {
}
