package chatqa.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Review polarity: the naive Bayes model trained on shop and delivery reviews, plus the chat
 * lexicon for what reviews don't teach (好的 is not praise, 好吧 is reluctant, 速度!!! is anger,
 * emoji codes), with negators flipping lexicon words. Short texts lean on the lexicon more than on
 * the review model. The score is tanh(log-odds / 4), so a
 * long glowing review nears 1 and a plain "好的" stays near neutral. Reviews have no neutral
 * class, so on its own this calls plain requests negative; the chat model ({@link ChatSentiment})
 * reads it as one feature among the words of chat messages.
 */
public final class ChineseSentiment {
    /** Classpath location of the shipped weights. */
    public static final String MODEL_RESOURCE = "/chatqa/sentiment/zh-nb.tsv.gz";
    private static final double SCALE = 4.0;
    private static final double DEGREE_BOOST = 1.5;
    /** Texts this long or longer get the review model's full weight. */
    private static final int FULL_TRUST_CHARS = 40;

    private final NaiveBayesSentiment model;
    private final ChatLexicon lexicon;
    /** Lexicon words and emoji, longest first, so 好的谢谢 is read once, not also as 好的 and 谢谢. */
    private final List<Map.Entry<String, Double>> entries;

    ChineseSentiment(NaiveBayesSentiment model, ChatLexicon lexicon) {
        this.model = model;
        this.lexicon = lexicon;
        List<Map.Entry<String, Double>> all = new ArrayList<>(lexicon.words().entrySet());
        all.addAll(lexicon.emoji().entrySet());
        all.sort(Comparator.comparingInt((Map.Entry<String, Double> e) -> -e.getKey().length()).thenComparing(Map.Entry::getKey));
        this.entries = List.copyOf(all);
    }

    /** The shipped model, loaded once per JVM on first use. */
    public static ChineseSentiment shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final ChineseSentiment INSTANCE = load();

        private static ChineseSentiment load() {
            try (InputStream in = ChineseSentiment.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("sentiment weights missing from the jar: " + MODEL_RESOURCE
                            + " (chatqa sentiment train makes them)");
                }
                return new ChineseSentiment(NaiveBayesSentiment.load(in), ChatLexicon.load());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + MODEL_RESOURCE, e);
            }
        }
    }

    public Sentiment score(String text, List<String> words) {
        List<NaiveBayesSentiment.Contribution> top = new ArrayList<>();
        double logOdds = logOdds(text, words, top);
        if (top.isEmpty()) {
            return Sentiment.NEUTRAL;
        }
        top.sort(Comparator.comparingDouble((NaiveBayesSentiment.Contribution c) -> -Math.abs(c.weight())));
        String why = top.stream().limit(3)
                .map(c -> c.feature() + "(" + signedTenths(c.weight()) + ")")
                .collect(Collectors.joining(" "));
        double score = Math.tanh(logOdds / SCALE);
        return new Sentiment(score, score < -0.2 ? SentimentLabel.NEGATIVE : score > 0.2 ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL,
                why, "zh-nb");
    }

    /**
     * {@code w} as {@code String.format(Locale.ROOT, "%+.1f", w)} writes it (sign, one decimal,
     * half-up on the shortest decimal form), without a Formatter: this runs for every customer
     * message, and the Formatter was a tenth of the sentiment step.
     */
    static String signedTenths(double w) {
        if (!Double.isFinite(w)) {
            return String.format(java.util.Locale.ROOT, "%+.1f", w);
        }
        boolean negative = w < 0 || (w == 0 && 1 / w < 0);
        return (negative ? "-" : "+") + BigDecimal.valueOf(Math.abs(w)).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Positive or not, for evaluation on labelled reviews: the model's decision with its prior. */
    public boolean isPositive(String text, List<String> words) {
        return model.prior() + logOdds(text, words, new ArrayList<>()) > 0;
    }

    double logOdds(String text, List<String> words, List<NaiveBayesSentiment.Contribution> top) {
        List<NaiveBayesSentiment.Contribution> fromModel = new ArrayList<>();
        double sum = model.logOdds(SentimentFeatures.extract(words, text, lexicon.negators(), lexicon.ignore()), fromModel);
        // The model learned from reviews; in a few-word chat line its word-pair weights are mostly noise
        // (在吗 is not a complaint), so short texts lean on the chat lexicon instead.
        double trust = Math.min(1.0, text.length() / (double) FULL_TRUST_CHARS);
        fromModel.forEach(c -> top.add(new NaiveBayesSentiment.Contribution(c.feature(), c.weight() * trust)));
        return sum * trust + lexiconWeight(text, top);
    }

    private double lexiconWeight(String text, List<NaiveBayesSentiment.Contribution> top) {
        double sum = 0;
        boolean[] covered = new boolean[text.length()];
        for (Map.Entry<String, Double> e : entries) {
            String word = e.getKey();
            for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
                if (covered[i]) {
                    continue;
                }
                for (int j = i; j < i + word.length(); j++) {
                    covered[j] = true;
                }
                double w = e.getValue();
                if (precededBy(text, i, lexicon.degree())) {
                    w *= DEGREE_BOOST;
                }
                if (negated(text, i)) {
                    w = -w;
                }
                sum += w;
                top.add(new NaiveBayesSentiment.Contribution(w < 0 && e.getValue() > 0 ? "不" + word : word, w));
            }
        }
        if (text.contains("!!") || text.contains("！！")) {
            sum += lexicon.exclamations();
            top.add(new NaiveBayesSentiment.Contribution("!!", lexicon.exclamations()));
        }
        if (text.contains("??") || text.contains("？？")) {
            sum += lexicon.questions();
            top.add(new NaiveBayesSentiment.Contribution("??", lexicon.questions()));
        }
        return sum;
    }

    /** A negator right before the word, or before a degree word right before it (不太好). */
    private boolean negated(String text, int at) {
        if (precededBy(text, at, lexicon.negators())) {
            return true;
        }
        for (String d : lexicon.degree()) {
            if (at >= d.length() && text.startsWith(d, at - d.length()) && precededBy(text, at - d.length(), lexicon.negators())) {
                return true;
            }
        }
        return false;
    }

    private static boolean precededBy(String text, int at, Set<String> words) {
        if (at <= 0) {
            return false;
        }
        for (String w : words) {
            if (at >= w.length() && text.startsWith(w, at - w.length())) {
                return true;
            }
        }
        return false;
    }
}
