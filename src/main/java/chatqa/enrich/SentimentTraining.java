package chatqa.enrich;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Trains the Chinese sentiment weights from labelled review files, leaving the held-out share aside. */
public final class SentimentTraining {
    /** Features seen in fewer texts than this are noise, and would bloat the shipped weights. */
    private static final int MIN_COUNT = 3;

    private SentimentTraining() {
    }

    /** Trains on the non-held-out reviews, writes the weights to {@code out}, returns the model ready to use. */
    public static ChineseSentiment train(List<LabelledReviews.Review> reviews, int holdoutPercent, Path out) throws IOException {
        ChatLexicon lexicon = ChatLexicon.load();
        List<Set<String>> features = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (LabelledReviews.Review r : reviews) {
            if (!r.heldOut(holdoutPercent)) {
                features.add(SentimentFeatures.extract(Segmenter.segment(r.text()).words(), r.text(), lexicon.negators(), lexicon.ignore()));
                labels.add(r.positive());
            }
        }
        NaiveBayesSentiment model = NaiveBayesSentiment.train(features, labels, MIN_COUNT);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.save(o);
        }
        return new ChineseSentiment(model, lexicon);
    }
}
