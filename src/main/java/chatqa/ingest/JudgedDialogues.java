package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import chatqa.config.ConfigError;
import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/**
 * Dialogues with people's judgements of them, for checking that chatqa's numbers agree with
 * people: the NTCIR STC-3 JSON layout (a list of {@code {id, turns: [{sender: customer|helpdesk,
 * utterances: [...]}], annotations: [{quality: {A, S, E}}]}}, where each annotator rates
 * satisfaction S and more on -2..2). Each utterance is one message, numbered
 * {@code <id>#<position among all utterances>} (empty ones, photos and emoji that were not
 * kept, hold their position but are no message). No timestamps.
 */
public final class JudgedDialogues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JudgedDialogues() {
    }

    /**
     * One dialogue and the mean of its judges' ratings (null when it has none).
     *
     * @param satisfaction mean S over the annotators, -2..2
     * @param accomplishment mean A (task accomplishment)
     */
    public record Dialogue(Conversation conversation, Double satisfaction, Double accomplishment, int judges) {
    }

    public static List<Dialogue> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static List<Dialogue> read(InputStream in, String source) throws IOException {
        JsonNode root = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (root == null || !root.isArray()) {
            throw new ConfigError(source + ": expected a JSON list of dialogues ({id, turns, annotations})");
        }
        List<Dialogue> out = new ArrayList<>();
        int index = 0;
        for (JsonNode d : root) {
            index++;
            String id = d.path("id").asText(null);
            if (id == null || !d.path("turns").isArray()) {
                throw new ConfigError(source + ": dialogue " + index + " has no id or no turns");
            }
            List<Message> messages = new ArrayList<>();
            int position = 0;
            for (JsonNode turn : d.path("turns")) {
                String sender = turn.path("sender").asText("");
                Role role = "customer".equals(sender) ? Role.CUSTOMER : Role.AGENT;
                for (JsonNode u : turn.path("utterances")) {
                    position++;
                    String text = u.asText("").strip();
                    if (!text.isEmpty()) {
                        messages.add(new Message(id, id + "#" + position, null, role, role == Role.AGENT ? "helpdesk" : null,
                                "customer-" + id, "stc3", text, new SourceRef(source, 0, index)));
                    }
                }
            }
            out.add(new Dialogue(new Conversation(id, "stc3", "customer-" + id, messages), mean(d, "S"), mean(d, "A"),
                    d.path("annotations").size()));
        }
        return out;
    }

    private static Double mean(JsonNode dialogue, String key) {
        double sum = 0;
        int n = 0;
        for (JsonNode a : dialogue.path("annotations")) {
            JsonNode v = a.path("quality").path(key);
            if (v.isNumber()) {
                sum += v.asDouble();
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
