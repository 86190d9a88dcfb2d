package org.tsak.report.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The efficiency frontier of models placed by cost (FLOPs, latency; lower is better) and score
 * (macro-F1; higher is better): the models no other model beats, i.e. no other has a cost at
 * most as high and a score at least as high with one of them strictly better. Among exact
 * duplicates the first listed stays.
 */
public final class ParetoFrontier {

    /**
     * A model placed for the frontier.
     *
     * @param label model label
     * @param cost  cost, lower is better
     * @param score score, higher is better
     */
    public record Point(String label, double cost, double score) {
    }

    private ParetoFrontier() {
    }

    /**
     * The frontier points, cheapest first (so by increasing cost and strictly increasing score).
     * Points with a NaN cost or score never belong to it.
     */
    public static List<Point> of(List<Point> points) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (!Double.isNaN(points.get(i).cost()) && !Double.isNaN(points.get(i).score())) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> points.get(i).cost())
                .thenComparing(i -> -points.get(i).score()).thenComparing(i -> i));
        List<Point> frontier = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            Point p = points.get(i);
            if (p.score() > best) {
                frontier.add(p);
                best = p.score();
            }
        }
        return frontier;
    }
}
