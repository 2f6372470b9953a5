package chatqa.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import chatqa.enrich.ChatTurn;
import chatqa.enrich.SentimentLabel;
import chatqa.model.Role;
import chatqa.ingest.JudgedDialogues;

/**
 * Hand-labelled customer chat messages (src/test/resources/labels/chat-sentiment.jsonl: id,
 * source, split, label, intensity, excerpt) joined to their texts, which stay in ../shared/data:
 * JDDC messages by {@code <session>#<position>}, STC-3 utterances by {@code <dialogue>#<position>}.
 */
final class ChatLabels {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One labelled message and its text. */
    record Labelled(String id, String source, String split, SentimentLabel label, String text, ChatTurn turn) {
        boolean dev() {
            return "dev".equals(split);
        }
    }

    /**
     * The labels joined to texts, the ids whose text was not found, and those whose text does not
     * start with the label's excerpt (either is a sign the data changed).
     */
    record Set(List<Labelled> messages, List<String> missing, List<String> excerptMismatches) {
    }

    private ChatLabels() {
    }

    static Set load(Path labels, Path jddc, Path stc3) throws IOException {
        Map<String, String> texts = new HashMap<>();
        Map<String, ChatTurn> turns = new HashMap<>();
        if (jddc != null) {
            // Positions count every row of a session, empty ones too, as the labellers saw the file.
            Map<String, List<String[]>> sessions = new java.util.LinkedHashMap<>();
            for (String row : Files.readAllLines(jddc, StandardCharsets.UTF_8)) {
                String[] f = row.split("\t", -1);
                if (f.length >= 7) {
                    sessions.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
                }
            }
            sessions.forEach((session, rows) -> {
                for (int i = 0; i < rows.size(); i++) {
                    String id = session + "#" + (i + 1);
                    texts.put(id, rows.get(i)[6].strip());
                    turns.put(id, ChatTurn.before(i, j -> "0".equals(rows.get(j)[2]) ? Role.CUSTOMER : Role.AGENT,
                            j -> rows.get(j)[6].strip()));
                }
            });
        }
        if (stc3 != null) {
            for (JudgedDialogues.Dialogue d : JudgedDialogues.read(stc3)) {
                List<chatqa.model.Message> messages = d.conversation().messages();
                for (int i = 0; i < messages.size(); i++) {
                    texts.put(messages.get(i).messageId(), messages.get(i).text());
                    turns.put(messages.get(i).messageId(), ChatTurn.of(messages, i));
                }
            }
        }
        List<Labelled> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                String id = n.path("id").asText();
                String text = texts.get(id);
                if (text == null) {
                    missing.add(id);
                    continue;
                }
                SentimentLabel label = SentimentLabel.fromCode(n.path("label").asText());
                if (label == null) {
                    throw new ChatQa.BadArgument(labels + ": unknown label '" + n.path("label").asText() + "' for " + id);
                }
                if (!text.strip().startsWith(n.path("excerpt").asText())) {
                    mismatched.add(id);
                }
                out.add(new Labelled(id, n.path("source").asText(), n.path("split").asText(), label, text, turns.get(id)));
            }
        }
        return new Set(out, missing, mismatched);
    }
}
