package chatqa.enrich;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains {@link ChatSentiment}: softmax regression with L2, by AdaGrad over the examples in a
 * seeded order, so the same labels give the same weights. Features seen in fewer than
 * {@code minCount} training texts are dropped (a word met once teaches nothing reliable).
 */
public final class ChatSentimentTraining {
    /** One labelled text as features, with how much it counts (review examples count less than chat ones). */
    public record Example(Map<String, Double> features, SentimentLabel label, double weight) {
    }

    /** Training settings; {@link #DEFAULT} made the shipped weights. */
    /** @param negativeWeight how much a negative chat example counts (negatives are the rarer, costlier class) */
    public record Settings(int epochs, double learningRate, double l2, int minCount, long seed, double negativeWeight) {
        public static final Settings DEFAULT = new Settings(25, 0.3, 1e-5, 2, 20261202L, 1.3);
    }

    private ChatSentimentTraining() {
    }

    /** The features of {@code text} as the shipped model reads them. */
    public static Map<String, Double> features(String text, List<String> words, ChatTurn turn) {
        return ChatSentimentFeatures.extract(text, words, turn);
    }

    public static Map<String, double[]> train(List<Example> examples, Settings s) {
        Map<String, Integer> seen = new HashMap<>();
        for (Example e : examples) {
            e.features().keySet().forEach(f -> seen.merge(f, 1, Integer::sum));
        }
        Map<String, double[]> w = new HashMap<>();
        Map<String, double[]> g2 = new HashMap<>();
        seen.forEach((f, n) -> {
            if (n >= s.minCount() || f.startsWith("#")) {
                w.put(f, new double[ChatSentiment.CLASSES]);
                g2.put(f, new double[ChatSentiment.CLASSES]);
            }
        });
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(s.seed());
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (Example e : order) {
                double[] z = new double[ChatSentiment.CLASSES];
                e.features().forEach((f, v) -> {
                    double[] wf = w.get(f);
                    if (wf != null) {
                        for (int c = 0; c < z.length; c++) {
                            z[c] += wf[c] * v;
                        }
                    }
                });
                double[] p = ChatSentiment.softmax(z);
                int y = e.label().ordinal();
                e.features().forEach((f, v) -> {
                    double[] wf = w.get(f);
                    if (wf == null) {
                        return;
                    }
                    double[] gf = g2.get(f);
                    for (int c = 0; c < wf.length; c++) {
                        double grad = e.weight() * (p[c] - (c == y ? 1 : 0)) * v + s.l2() * wf[c];
                        gf[c] += grad * grad;
                        wf[c] -= s.learningRate() * grad / (Math.sqrt(gf[c]) + 1e-8);
                    }
                });
            }
        }
        Map<String, double[]> kept = new HashMap<>();
        w.forEach((f, v) -> {
            if (Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]) >= 1e-3) {
                kept.put(f, v);
            }
        });
        return kept;
    }

    /** A model over {@code weights}, for evaluation before they are written. */
    public static ChatSentiment model(Map<String, double[]> weights) {
        return new ChatSentiment(weights);
    }
}
