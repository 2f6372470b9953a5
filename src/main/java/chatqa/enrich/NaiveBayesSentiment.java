package chatqa.enrich;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A binarized multinomial naive Bayes sentiment model: for each feature, the log ratio of its
 * probability in positive versus negative texts (Laplace-smoothed). Trained by
 * {@code chatqa sentiment train} and shipped as weights only.
 */
public final class NaiveBayesSentiment {
    private final double prior;
    private final Map<String, Float> weights;

    NaiveBayesSentiment(double prior, Map<String, Float> weights) {
        this.prior = prior;
        this.weights = weights;
    }

    /** One feature's share in a score. */
    record Contribution(String feature, double weight) {
    }

    int size() {
        return weights.size();
    }

    double prior() {
        return prior;
    }

    /** Sum of the known features' log ratios (without the prior), and the largest ones. */
    double logOdds(Set<String> features, List<Contribution> top) {
        double sum = 0;
        for (String f : features) {
            Float w = weights.get(f);
            if (w != null) {
                sum += w;
                top.add(new Contribution(f, w));
            }
        }
        return sum;
    }

    /** Trains on labelled feature sets; features seen in fewer than {@code minCount} texts are dropped. */
    static NaiveBayesSentiment train(List<Set<String>> texts, List<Boolean> positive, int minCount) {
        Map<String, int[]> counts = new HashMap<>();
        long[] totals = new long[2];
        int[] docs = new int[2];
        for (int i = 0; i < texts.size(); i++) {
            int c = positive.get(i) ? 0 : 1;
            docs[c]++;
            for (String f : texts.get(i)) {
                counts.computeIfAbsent(f, k -> new int[2])[c]++;
                totals[c]++;
            }
        }
        counts.values().removeIf(n -> n[0] + n[1] < minCount);
        double vocabulary = counts.size();
        Map<String, Float> weights = new HashMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            double pos = (e.getValue()[0] + 1.0) / (totals[0] + vocabulary);
            double neg = (e.getValue()[1] + 1.0) / (totals[1] + vocabulary);
            weights.put(e.getKey(), (float) Math.log(pos / neg));
        }
        return new NaiveBayesSentiment(Math.log((docs[0] + 1.0) / (docs[1] + 1.0)), weights);
    }

    void save(OutputStream out) throws IOException {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
            w.write("#prior\t" + prior + "\n");
            List<Map.Entry<String, Float>> sorted = new ArrayList<>(weights.entrySet());
            sorted.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
            for (Map.Entry<String, Float> e : sorted) {
                w.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
        }
    }

    static NaiveBayesSentiment load(InputStream in) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            double prior = 0;
            Map<String, Float> weights = new HashMap<>();
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.lastIndexOf('\t');
                if (line.startsWith("#prior\t")) {
                    prior = Double.parseDouble(line.substring(tab + 1));
                } else if (tab > 0) {
                    weights.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
                }
            }
            return new NaiveBayesSentiment(prior, weights);
        }
    }
}
