package chatqa.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SignedTenthsTest {

    @Test
    void writesWeightsExactlyAsTheFormatterDid() {
        double[] edges = {0.0, -0.0, 0.05, -0.05, 0.15, 0.25, -0.25, 0.95, -0.04, 1.45, 2.35, 12.349999, 100.05, 1e-9, -1e-9};
        for (double w : edges) {
            assertEquals(String.format(Locale.ROOT, "%+.1f", w), ChineseSentiment.signedTenths(w), "weight " + w);
        }
        Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double w = (rnd.nextDouble() - 0.5) * (i % 2 == 0 ? 8 : 0.4);
            if (i % 3 == 0) {
                w = Math.round(w * 100) / 100.0;
            }
            assertEquals(String.format(Locale.ROOT, "%+.1f", w), ChineseSentiment.signedTenths(w), "weight " + w);
        }
    }

    /** The chat model's explanation writes its pushes (positive) as %.1f did, ties and near-ties included. */
    @Test
    void writesPushesExactlyAsTheFormatterDid() {
        double[] edges = {0.05, 0.15, 0.25, 0.35, 0.45, 1.05, 1.25, 2.35, 0.049999999, 0.0500000001, 12.349999, 100.05, 0.06, 3.0, 9.96};
        for (double v : edges) {
            assertEquals(String.format(Locale.ROOT, "%.1f", v), ChatSentiment.oneDecimal(v), "push " + v);
        }
        Random rnd = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double v = rnd.nextDouble() * (i % 2 == 0 ? 6 : 0.6);
            if (i % 3 == 0) {
                v = Math.round(v * 100) / 100.0;
            }
            assertEquals(String.format(Locale.ROOT, "%.1f", v), ChatSentiment.oneDecimal(v), "push " + v);
        }
    }
}
