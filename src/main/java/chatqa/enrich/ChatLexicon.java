package chatqa.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import chatqa.config.YamlTree;

/** The chat-specific words, emoji and negators from {@code chatqa/sentiment/chat-lexicon.yaml}. */
record ChatLexicon(Set<String> negators, Set<String> ignore, Set<String> degree, Map<String, Double> words, Map<String, Double> emoji,
                   double exclamations, double questions) {

    static ChatLexicon load() {
        try (InputStream in = ChatLexicon.class.getResourceAsStream("/chatqa/sentiment/chat-lexicon.yaml")) {
            YamlTree root = YamlTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "chat-lexicon.yaml");
            YamlTree punctuation = root.required("punctuation");
            return new ChatLexicon(new HashSet<>(root.strings("negators")), new HashSet<>(root.strings("ignore")),
                    new HashSet<>(root.strings("degree")),
                    weights(root.required("words")), weights(root.required("emoji")),
                    Double.parseDouble(punctuation.string("exclamations", "0")), Double.parseDouble(punctuation.string("questions", "0")));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("sentiment lexicon missing from the jar", e);
        }
    }

    private static Map<String, Double> weights(YamlTree node) {
        Map<String, Double> out = new HashMap<>();
        node.entries().forEach((k, v) -> out.put(k, Double.parseDouble(v.text())));
        return out;
    }
}
