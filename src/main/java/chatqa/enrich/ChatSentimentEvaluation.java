package chatqa.enrich;

import java.util.Locale;

/**
 * Three-class figures of a labelled set of chat messages: accuracy, macro F1, and per class
 * precision, recall and F1, from the confusion matrix.
 */
public final class ChatSentimentEvaluation {
    private static final int N = SentimentLabel.values().length;
    /** confusion[true][predicted] */
    private final long[][] confusion = new long[N][N];

    public void add(SentimentLabel truth, SentimentLabel predicted) {
        confusion[truth.ordinal()][predicted.ordinal()]++;
    }

    public long total() {
        long t = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                t += v;
            }
        }
        return t;
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < N; i++) {
            right += confusion[i][i];
        }
        return total() == 0 ? Double.NaN : right / (double) total();
    }

    public double precision(SentimentLabel l) {
        long predicted = 0;
        for (int i = 0; i < N; i++) {
            predicted += confusion[i][l.ordinal()];
        }
        return predicted == 0 ? 0 : confusion[l.ordinal()][l.ordinal()] / (double) predicted;
    }

    public double recall(SentimentLabel l) {
        long actual = 0;
        for (long v : confusion[l.ordinal()]) {
            actual += v;
        }
        return actual == 0 ? 0 : confusion[l.ordinal()][l.ordinal()] / (double) actual;
    }

    public double f1(SentimentLabel l) {
        double p = precision(l);
        double r = recall(l);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double sum = 0;
        for (SentimentLabel l : SentimentLabel.values()) {
            sum += f1(l);
        }
        return sum / N;
    }

    /** The share of the majority class: what calling every message that would score. */
    public double majorityBaseline() {
        long best = 0;
        for (long[] row : confusion) {
            long actual = 0;
            for (long v : row) {
                actual += v;
            }
            best = Math.max(best, actual);
        }
        return total() == 0 ? Double.NaN : best / (double) total();
    }

    public String render() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "messages   %d%naccuracy   %.3f  (majority class alone: %.3f)%n"
                + "macro F1   %.3f%n", total(), accuracy(), majorityBaseline(), macroF1()));
        for (SentimentLabel l : SentimentLabel.values()) {
            sb.append(String.format(Locale.ROOT, "%-10s precision %.3f  recall %.3f  F1 %.3f%n", l.code(), precision(l), recall(l), f1(l)));
        }
        sb.append("confusion  (rows: true, columns: predicted negative / neutral / positive)\n");
        for (SentimentLabel l : SentimentLabel.values()) {
            long[] r = confusion[l.ordinal()];
            sb.append(String.format(Locale.ROOT, "  %-9s %7d %7d %7d%n", l.code(), r[0], r[1], r[2]));
        }
        return sb.toString();
    }
}
