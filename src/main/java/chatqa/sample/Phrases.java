package chatqa.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import chatqa.config.YamlTree;

/** The sample generator's sentences, from {@code chatqa/sample/phrases.yaml}. */
final class Phrases {
    private final Map<String, List<String>> lists = new HashMap<>();

    Phrases() {
        try (InputStream in = Phrases.class.getResourceAsStream("/chatqa/sample/phrases.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            YamlTree.parse(yaml, "phrases.yaml").entries().forEach((key, node) -> {
                List<String> items = new ArrayList<>();
                node.items().forEach(i -> items.add(i.text()));
                lists.put(key, items);
            });
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("sample phrases missing from the jar", e);
        }
    }

    /** A random sentence of {@code kind}, with {n} {item} {days} {city} filled in. */
    String pick(String kind, Random rnd, int agentNumber) {
        List<String> list = lists.get(kind);
        if (list == null) {
            throw new IllegalArgumentException("no sample phrases of kind " + kind);
        }
        String s = list.get(rnd.nextInt(list.size()));
        if (s.contains("{item}")) {
            s = s.replace("{item}", pick("items", rnd, agentNumber));
        }
        if (s.contains("{city}")) {
            s = s.replace("{city}", pick("cities", rnd, agentNumber));
        }
        return s.replace("{n}", String.valueOf(agentNumber)).replace("{days}", String.valueOf(2 + rnd.nextInt(6)));
    }
}
