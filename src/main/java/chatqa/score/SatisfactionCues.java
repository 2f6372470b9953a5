package chatqa.score;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import chatqa.config.YamlTree;
import chatqa.rules.PrefilteredPattern;

/**
 * The phrase groups of {@code chatqa/score/satisfaction-cues.yaml}: whether the customer thanked,
 * the agent apologised, or the agent sent the customer to another channel. Read once per JVM.
 */
record SatisfactionCues(PrefilteredPattern customerThanked, PrefilteredPattern agentApologised, PrefilteredPattern sentElsewhere) {
    static final String RESOURCE = "/chatqa/score/satisfaction-cues.yaml";
    static final SatisfactionCues SHARED = load();

    private static SatisfactionCues load() {
        try (InputStream in = SatisfactionCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            YamlTree cues = YamlTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "satisfaction-cues.yaml").required("cues");
            return new SatisfactionCues(pattern(cues, "customer_thanked"), pattern(cues, "agent_apologised"), pattern(cues, "sent_elsewhere"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrefilteredPattern pattern(YamlTree cues, String name) {
        return PrefilteredPattern.compile(cues.required(name).text());
    }
}
