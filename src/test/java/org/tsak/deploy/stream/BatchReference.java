package org.tsak.deploy.stream;

import java.util.List;
import java.util.TreeMap;

import org.tsak.data.Recording;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;
import org.tsak.eval.OneHzResampler;
import org.tsak.eval.TimedPredictions;

/**
 * Batch evaluation of a recording, as the offline pipeline does it: Windower windows, raw
 * student channels (null z-score; the runtime normalises), StudentRuntime logits, argmax.
 */
final class BatchReference {

    /** Window-end time and predicted operation id of every window. */
    final TimedPredictions windows;
    /** Last prediction per second, keyed by second start (ms): operation id. */
    final TreeMap<Long, Integer> lastPerSecond = new TreeMap<>();
    /** Window end time of the last window per second. */
    final TreeMap<Long, Long> lastEndPerSecond = new TreeMap<>();
    /** OneHzResampler over the ground-truth seconds, keyed by second. */
    final TreeMap<Long, Integer> oneHz = new TreeMap<>();

    BatchReference(Recording rec, StudentArtifact artifact, WindowSpec spec) {
        WindowSet ws = new Windower(spec).window(List.of(rec));
        if (ws.windowSamples() != artifact.windowSamples() || ws.strideSamples() != artifact.strideSamples()) {
            throw new IllegalStateException("batch windows " + ws.windowSamples() + "/" + ws.strideSamples()
                    + " differ from the artifact's " + artifact.windowSamples() + "/" + artifact.strideSamples());
        }
        ChannelView view = ChannelView.of(rec.channels(), artifact.channelNames());
        StudentRuntime rt = StudentRuntime.of(artifact);
        float[] buf = new float[rt.inputLength()];
        int[] all = ws.allIndices();
        long[] ends = new long[ws.size()];
        int[] ids = new int[ws.size()];
        for (int i = 0; i < ws.size(); i++) {
            ws.fill(all, i, 1, view, null, buf);
            ends[i] = ws.get(i).endTimeMs();
            ids[i] = artifact.classIds().get(rt.predictClass(buf));
            long second = Math.floorDiv(ends[i], 1000L) * 1000L;
            lastPerSecond.put(second, ids[i]);
            lastEndPerSecond.put(second, ends[i]);
        }
        windows = new TimedPredictions(ends, ids);
        int[] perSecond = OneHzResampler.predictionPerSecond(rec.key(), windows, rec.groundTruth());
        for (int s = 0; s < perSecond.length; s++) {
            oneHz.put(rec.groundTruth().secondMs(s), perSecond[s]);
        }
    }
}
