package chatqa.enrich;

import java.util.List;

/** Accuracy, per-class precision and recall, and the confusion matrix of a labelled set. */
public record SentimentEvaluation(int truePositive, int falsePositive, int trueNegative, int falseNegative) {

    public static SentimentEvaluation of(ChineseSentiment model, List<LabelledReviews.Review> reviews) {
        return of(reviews, text -> model.isPositive(text, Segmenter.segment(text).words()));
    }

    /**
     * The chat model on reviews, which have no neutral class: positive when it finds the message
     * more positive than negative (P(positive) > P(negative)).
     */
    public static SentimentEvaluation of(ChatSentiment model, List<LabelledReviews.Review> reviews) {
        return of(reviews, text -> model.score(text, Segmenter.segment(text).words()).score() > 0);
    }

    private static SentimentEvaluation of(List<LabelledReviews.Review> reviews, java.util.function.Predicate<String> positiveChinese) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (LabelledReviews.Review r : reviews) {
            boolean predicted = Language.detect(r.text()) == Language.EN
                    ? EnglishSentiment.score(r.text()).score() > 0
                    : positiveChinese.test(r.text());
            if (predicted && r.positive()) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (r.positive()) {
                fn++;
            } else {
                tn++;
            }
        }
        return new SentimentEvaluation(tp, fp, tn, fn);
    }

    public int total() {
        return truePositive + falsePositive + trueNegative + falseNegative;
    }

    public double accuracy() {
        return (truePositive + trueNegative) / (double) total();
    }

    public String render() {
        return String.format(java.util.Locale.ROOT, """
                texts      %d
                accuracy   %.4f
                positive   precision %.4f  recall %.4f
                negative   precision %.4f  recall %.4f
                confusion  (rows: true, columns: predicted)
                             positive  negative
                  positive   %8d  %8d
                  negative   %8d  %8d
                """, total(), accuracy(),
                ratio(truePositive, truePositive + falsePositive), ratio(truePositive, truePositive + falseNegative),
                ratio(trueNegative, trueNegative + falseNegative), ratio(trueNegative, trueNegative + falsePositive),
                truePositive, falseNegative, falsePositive, trueNegative);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : a / (double) b;
    }
}
