package org.tsak.deploy.stream;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a recognizer reports (for short test streams only). */
final class CollectingListener implements StreamListener {

    final List<SecondPrediction> seconds = new ArrayList<>();
    final List<OperationSegment> segments = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    int metricsReports;
    int finalReports;
    long lastBoxes;

    @Override
    public void onSecond(SecondPrediction second) {
        seconds.add(second);
    }

    @Override
    public void onSegment(OperationSegment segment) {
        segments.add(segment);
    }

    @Override
    public void onMetrics(long streamTimeMs, WorkMetrics metrics, boolean isFinal) {
        metricsReports++;
        if (isFinal) {
            finalReports++;
        }
        lastBoxes = metrics.boxesCompleted();
    }

    @Override
    public void onWarning(String message) {
        warnings.add(message);
    }
}
