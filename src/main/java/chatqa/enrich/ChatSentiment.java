package chatqa.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Customer-message sentiment for chats, three classes: a multinomial logistic regression over the
 * message's words, characters, punctuation, cue groups and the messages it answers
 * ({@link ChatSentimentFeatures}), trained on customer chat messages labelled by hand
 * (negative / neutral / positive, ../shared/LABELS-SENTIMENT.md) together with the review sets,
 * and the labelling conventions it learns poorly (a problem report is negative) applied as rules.
 * Reviews alone teach polarity but no neutral class, which made plain requests (我想改地址)
 * negative; the chat labels teach that most customer messages are neutral. The score is
 * P(positive) − P(negative); the explanation names the features that pushed the message towards
 * its label.
 */
public final class ChatSentiment {
    /** Classpath location of the shipped weights. */
    public static final String MODEL_RESOURCE = "/chatqa/sentiment/zh-chat.tsv.gz";
    static final int CLASSES = SentimentLabel.values().length;
    /**
     * How far from 0 the score of a message labelled by a convention rather than the model is at
     * least: at most −0.5 for a negative, at least 0.5 for a positive.
     */
    public static final double CONVENTION_SCORE = 0.5;

    /** Per feature, its weight for each class (in {@link SentimentLabel} order). */
    private final FeatureWeights weights;

    ChatSentiment(Map<String, double[]> weights) {
        this.weights = new FeatureWeights(weights);
    }

    /** The shipped model, loaded once per JVM on first use. */
    public static ChatSentiment shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final ChatSentiment INSTANCE = load();

        private static ChatSentiment load() {
            try (InputStream in = ChatSentiment.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("chat sentiment weights missing from the jar: " + MODEL_RESOURCE
                            + " (chatqa sentiment train --chat makes them)");
                }
                return new ChatSentiment(read(in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + MODEL_RESOURCE, e);
            }
        }
    }

    /** The message scored on its own, without what it answers. */
    public Sentiment score(String text, List<String> words) {
        return score(text, words, ChatTurn.NONE);
    }

    /**
     * The message scored in its context: the messages it answers ({@link ChatTurn}). A labelling
     * convention of chat-cues.yaml's {@code negative_when} (a problem report, impatience) makes it
     * negative whatever the model says, one of {@code positive_when} (nothing but thanks) makes a
     * neutral positive; either moves the score to at least {@link #CONVENTION_SCORE} from 0.
     */
    public Sentiment score(String text, List<String> words, ChatTurn turn) {
        Known x = known(features(text, words, turn));
        double[] p = probabilities(x);
        int best = 0;
        for (int c = 1; c < CLASSES; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        double score = p[SentimentLabel.POSITIVE.ordinal()] - p[SentimentLabel.NEGATIVE.ordinal()];
        int negative = SentimentLabel.NEGATIVE.ordinal();
        ChatSentimentFeatures.Cues cues = ChatSentimentFeatures.Cues.SHARED;
        if (best != negative) {
            String convention = cues.negativeConvention(text);
            if (convention != null) {
                return new Sentiment(Math.min(score, -CONVENTION_SCORE), SentimentLabel.NEGATIVE, byConvention(x, negative, convention), "zh-chat");
            }
        }
        int positive = SentimentLabel.POSITIVE.ordinal();
        if (best == SentimentLabel.NEUTRAL.ordinal()) {
            String convention = cues.positiveConvention(text);
            if (convention != null) {
                return new Sentiment(Math.max(score, CONVENTION_SCORE), SentimentLabel.POSITIVE, byConvention(x, positive, convention), "zh-chat");
            }
        }
        SentimentLabel label = SentimentLabel.values()[best];
        return new Sentiment(score, label, explain(x, best), "zh-chat");
    }

    Map<String, Double> features(String text, List<String> words, ChatTurn turn) {
        return ChatSentimentFeatures.extract(text, words, turn);
    }

    /**
     * The message's features the model has weights for, in extraction order, each looked up once
     * for the probabilities and the explanation.
     */
    private record Known(String[] names, double[] values, double[][] weights, int size) {
    }

    private Known known(Map<String, Double> x) {
        String[] names = new String[x.size()];
        double[] values = new double[x.size()];
        double[][] w = new double[x.size()][];
        int[] n = {0};
        x.forEach((f, v) -> {
            double[] wf = weights.get(f);
            if (wf != null) {
                names[n[0]] = f;
                values[n[0]] = v;
                w[n[0]++] = wf;
            }
        });
        return new Known(names, values, w, n[0]);
    }

    private static double[] probabilities(Known x) {
        double[] z = new double[CLASSES];
        for (int i = 0; i < x.size(); i++) {
            double[] w = x.weights()[i];
            double v = x.values()[i];
            for (int c = 0; c < CLASSES; c++) {
                z[c] += w[c] * v;
            }
        }
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double[] p = new double[z.length];
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** "negative: problem_report('裂了') 屏幕(+0.4)": the convention, then what the model saw towards that label. */
    private static String byConvention(Known x, int label, String convention) {
        String model = explain(x, label);
        return SentimentLabel.values()[label].code() + ": " + convention + (model.indexOf(':') < 0 ? "" : model.substring(model.indexOf(':') + 1));
    }

    /** The three features that pushed hardest towards {@code label} over the other classes, e.g. {@code 太慢(+1.2) !!(+0.8)}. */
    private static String explain(Known x, int label) {
        List<Map.Entry<String, Double>> pushes = new ArrayList<>();
        Map<String, Double> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < x.size(); i++) {
            String f = x.names()[i];
            double[] w = x.weights()[i];
            double v = x.values()[i];
            if (f.equals("#bias") || f.startsWith("#len")) {
                continue;
            }
            double others = 0;
            for (int c = 0; c < CLASSES; c++) {
                if (c != label) {
                    others += w[c];
                }
            }
            double push = v * (w[label] - others / (CLASSES - 1));
            if (push > 0) {
                // A word and its characters read the same: their pushes add up under one name.
                byName.merge(readable(f), push, Double::sum);
            }
        }
        byName.forEach((name, push) -> {
            if (push > 0.05) {
                pushes.add(Map.entry(name, push));
            }
        });
        if (pushes.isEmpty()) {
            return SentimentLabel.values()[label].code();
        }
        pushes.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        StringBuilder sb = new StringBuilder(SentimentLabel.values()[label].code()).append(':');
        for (Map.Entry<String, Double> e : pushes.subList(0, Math.min(3, pushes.size()))) {
            sb.append(' ').append(e.getKey()).append("(+").append(oneDecimal(e.getValue())).append(')');
        }
        return sb.toString();
    }

    /**
     * {@code v} with one decimal exactly as {@code %.1f} writes it (the shortest decimal of the
     * double, rounded half up), without parsing a format for every message.
     */
    static String oneDecimal(double v) {
        double tenths = v * 10;
        double fraction = tenths - Math.floor(tenths);
        if (v >= 0 && v < 1e6 && Math.abs(fraction - 0.5) > 1e-6) {
            // Away from a tie the double and its shortest decimal round the same way: no BigDecimal.
            long n = Math.round(tenths);
            return (n / 10) + "." + (n % 10);
        }
        return new java.math.BigDecimal(Double.toString(v)).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A feature as a reader knows it: the word itself, 不+word under a negator, a punctuation mark, a cue of the context. */
    private static String readable(String feature) {
        return switch (feature.substring(0, 2)) {
            case "w:", "u:", "c:" -> feature.substring(2);
            case "n:" -> "不…" + feature.substring(2);
            case "pa" -> "agent:" + feature.substring(3);
            case "pc" -> "before:" + feature.substring(3);
            case "e:" -> "[" + feature.substring(2) + "]";
            default -> switch (feature) {
                case "#exx" -> "!!";
                case "#qq" -> "??";
                case "#ex" -> "!";
                case "#q" -> "?";
                case "#dots" -> "。。。";
                default -> feature;
            };
        };
    }

    /** Weights as TSV (feature, then one weight per class), gzipped; sorted, so the same training writes the same bytes. */
    public static void write(Map<String, double[]> weights, OutputStream out) throws IOException {
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            w.write("# chatqa chat sentiment: feature\tnegative\tneutral\tpositive (multinomial logistic regression)\n");
            for (Map.Entry<String, double[]> e : new TreeMap<>(weights).entrySet()) {
                double[] v = e.getValue();
                w.write(e.getKey() + "\t" + f(v[0]) + "\t" + f(v[1]) + "\t" + f(v[2]) + "\n");
            }
        }
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static Map<String, double[]> read(InputStream in) throws IOException {
        Map<String, double[]> weights = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("# ")) {
                    continue;
                }
                String[] p = line.split("\t");
                weights.put(p[0], new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3])});
            }
        }
        return weights;
    }
}
