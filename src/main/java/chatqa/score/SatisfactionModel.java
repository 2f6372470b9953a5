package chatqa.score;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An estimate of how satisfied the customer was, on the −2..2 scale of the STC-3 judges (−2 very
 * dissatisfied, 2 very satisfied): a linear model over {@link SatisfactionFeatures}, fitted by
 * ridge regression to the mean rating of 19 people per helpdesk dialogue ({@code chatqa
 * satisfaction train} writes the weights). Each estimate names its drivers: the features that
 * moved it most from an average conversation, with how much.
 */
public final class SatisfactionModel {
    /** Classpath location of the shipped weights. */
    public static final String RESOURCE = "/chatqa/score/satisfaction.tsv";
    static final double MIN = -2;
    static final double MAX = 2;
    private static final int DRIVERS = 3;

    private final double intercept;
    /** Per feature: its weight and its mean over the training conversations. */
    private final Map<String, double[]> weights;

    /** No model: every estimate is 0 (to compute features before any weights exist). */
    public static final SatisfactionModel NONE = new SatisfactionModel(0, Map.of());

    SatisfactionModel(double intercept, Map<String, double[]> weights) {
        this.intercept = intercept;
        // Kept in the file's order: Map.copyOf iterates in a per-JVM order, and summing the same
        // terms in another order changes the last bits, so a re-run would not equal the run.
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** An estimate and why. */
    public record Estimate(double value, String drivers) {
    }

    public static SatisfactionModel shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final SatisfactionModel INSTANCE = load();

        private static SatisfactionModel load() {
            try (InputStream in = SatisfactionModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("satisfaction weights missing from the jar: " + RESOURCE
                            + " (chatqa satisfaction train makes them)");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The estimate for a scored conversation; null when the customer never wrote. */
    public Estimate estimate(ConversationScore s) {
        boolean customerWrote = s.messages().stream().anyMatch(m -> m.message().isCustomer() && m.sentiment() != null);
        return customerWrote ? estimate(features(s)) : null;
    }

    /** The features of a scored conversation, as the model reads them (for training). */
    public static Map<String, Double> features(ConversationScore s) {
        return SatisfactionFeatures.of(s.messages(), s.timing(), s.outcome(), s.sentiment(), s.verdicts());
    }

    /** The estimate for features as {@link #features} gives them. */
    public Estimate estimate(Map<String, Double> x) {
        double v = intercept;
        List<Map.Entry<String, Double>> moves = new ArrayList<>();
        for (Map.Entry<String, double[]> e : weights.entrySet()) {
            double value = x.getOrDefault(e.getKey(), 0.0);
            v += e.getValue()[0] * value;
            double move = e.getValue()[0] * (value - e.getValue()[1]);
            if (Math.abs(move) >= 0.05) {
                moves.add(Map.entry(e.getKey(), move));
            }
        }
        moves.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())).thenComparing(Map.Entry::getKey));
        StringBuilder drivers = new StringBuilder();
        for (Map.Entry<String, Double> m : moves.subList(0, Math.min(DRIVERS, moves.size()))) {
            if (drivers.length() > 0) {
                drivers.append(", ");
            }
            drivers.append(m.getKey()).append(String.format(Locale.ROOT, " (%+.2f)", m.getValue()));
        }
        return new Estimate(Math.max(MIN, Math.min(MAX, v)), drivers.toString());
    }

    /** Fits the weights to {@code ratings} by ridge regression (penalty {@code lambda} on standardised features). */
    public static SatisfactionModel fit(List<Map<String, Double>> features, List<Double> ratings, double lambda) {
        List<String> names = new ArrayList<>(features.get(0).keySet());
        int d = names.size();
        int n = features.size();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (Map<String, Double> f : features) {
            for (int j = 0; j < d; j++) {
                mean[j] += f.getOrDefault(names.get(j), 0.0) / n;
            }
        }
        for (Map<String, Double> f : features) {
            for (int j = 0; j < d; j++) {
                double dev = f.getOrDefault(names.get(j), 0.0) - mean[j];
                sd[j] += dev * dev / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]) < 1e-9 ? 1 : Math.sqrt(sd[j]);
        }
        double yMean = ratings.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double[][] a = new double[d][d + 1];
        for (int i = 0; i < n; i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = (features.get(i).getOrDefault(names.get(j), 0.0) - mean[j]) / sd[j];
            }
            double y = ratings.get(i) - yMean;
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    a[j][k] += z[j] * z[k];
                }
                a[j][d] += z[j] * y;
            }
        }
        for (int j = 0; j < d; j++) {
            a[j][j] += lambda;
        }
        double[] beta = solve(a);
        Map<String, double[]> w = new LinkedHashMap<>();
        double intercept = yMean;
        for (int j = 0; j < d; j++) {
            double wj = beta[j] / sd[j];
            w.put(names.get(j), new double[] {wj, mean[j]});
            intercept -= wj * mean[j];
        }
        return new SatisfactionModel(intercept, w);
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix. */
    private static double[] solve(double[][] a) {
        int d = a.length;
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < d; r++) {
                double k = a[r][c] / a[c][c];
                for (int j = c; j <= d; j++) {
                    a[r][j] -= k * a[c][j];
                }
            }
        }
        double[] x = new double[d];
        for (int r = d - 1; r >= 0; r--) {
            double s = a[r][d];
            for (int j = r + 1; j < d; j++) {
                s -= a[r][j] * x[j];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    /** The weights as TSV: intercept, then feature, weight, mean. */
    public void write(Writer w) throws IOException {
        w.write("# chatqa satisfaction estimate: linear, -2..2 (chatqa satisfaction train)\n");
        w.write("intercept\t" + f(intercept) + "\t0\n");
        for (Map.Entry<String, double[]> e : weights.entrySet()) {
            w.write(e.getKey() + "\t" + f(e.getValue()[0]) + "\t" + f(e.getValue()[1]) + "\n");
        }
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static SatisfactionModel read(InputStream in) throws IOException {
        double intercept = 0;
        Map<String, double[]> w = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] p = line.split("\t");
                if (p[0].equals("intercept")) {
                    intercept = Double.parseDouble(p[1]);
                } else {
                    w.put(p[0], new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2])});
                }
            }
        }
        return new SatisfactionModel(intercept, w);
    }
}
