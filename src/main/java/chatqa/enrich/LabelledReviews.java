package chatqa.enrich;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;

/**
 * Labelled texts for training and evaluating sentiment: CSV with columns {@code label,review} or
 * {@code cat,label,review} (1 = positive, 0 = negative). A fixed share of each file, chosen by
 * a hash of the text, is held out from training, so "train" and "eval --holdout-only" agree on
 * the split in every run.
 */
public final class LabelledReviews {
    /** One labelled text. */
    public record Review(boolean positive, String text) {
        public boolean heldOut(int percent) {
            return Math.floorMod(text.hashCode(), 100) < percent;
        }
    }

    private LabelledReviews() {
    }

    public static List<Review> read(Path csv) throws IOException {
        List<Review> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader reader = new CSVReader(r)) {
            String[] header = reader.readNext();
            if (header == null) {
                return out;
            }
            int label = indexOf(header, "label", csv);
            int review = indexOf(header, "review", csv);
            String[] row;
            while ((row = reader.readNext()) != null) {
                if (row.length <= Math.max(label, review)) {
                    continue;
                }
                String text = row[review].replace("\uFEFF", "").strip();
                String l = row[label].strip();
                if (!text.isEmpty() && (l.equals("0") || l.equals("1"))) {
                    out.add(new Review(l.equals("1"), text));
                }
            }
        } catch (CsvValidationException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static int indexOf(String[] header, String name, Path csv) throws IOException {
        for (int i = 0; i < header.length; i++) {
            if (header[i].replace("\uFEFF", "").strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IOException(csv + ": no '" + name + "' column (expected label,review or cat,label,review)");
    }
}
