package chatqa.enrich;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import chatqa.rules.PrefilteredPattern;

/**
 * The features the chat sentiment model reads from one customer message: its words (HanLP),
 * words under a negator, its Chinese characters and their pairs and triples (which survive
 * segmentation errors in short, unpunctuated chat), punctuation runs (!!, ???, 。。。, ~), emoji
 * codes, its length, the cue groups of chat-cues.yaml, and cues of what it answers
 * ({@link ChatTurn}). Masked placeholders ([订单x], [数字x]) count as one opaque token, whatever
 * they hide. The review model's polarity is not a feature: on chat it calls plain requests
 * negative, so the model learned to read it as a sign of neutral.
 */
final class ChatSentimentFeatures {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\]\\[]{1,6}x\\]");
    private static final Pattern EMOJI = Pattern.compile("\\[([^\\]\\[0-9]{1,4})\\]");
    // Compiled once: this runs on every customer message of the night (String.matches and
    // replaceAll would compile their pattern on each call).
    private static final Pattern NOT_HAN = Pattern.compile("[^\\p{IsHan}〇]+");
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final Pattern QUESTION = Pattern.compile("[?？]");
    private static final Pattern QUESTIONS = Pattern.compile("[?？]{2,}");
    private static final Pattern EXCLAMATION = Pattern.compile("[!！]");
    private static final Pattern EXCLAMATIONS = Pattern.compile("[!！]{2,}");
    private static final int NEGATION_REACH = 2;
    /** The token a masked placeholder becomes. */
    static final String MASKED = "〇";

    private ChatSentimentFeatures() {
    }

    /** Feature → value (1 for presence, scaled within each family of text features). */
    static Map<String, Double> extract(String text, List<String> words, ChatTurn turn) {
        return extract(text, words, turn, Cues.SHARED);
    }

    static Map<String, Double> extract(String text, List<String> words, ChatTurn turn, Cues cues) {
        Map<String, Double> f = new LinkedHashMap<>();
        String normal = masked(text.toLowerCase(Locale.ROOT));
        Matcher emoji = EMOJI.matcher(normal);
        while (emoji.find()) {
            f.put("e:" + emoji.group(1), 1.0);
        }
        int negated = 0;
        for (String raw : words) {
            String w = masked(raw.strip().toLowerCase(Locale.ROOT));
            if (w.isEmpty()) {
                continue;
            }
            if (w.codePoints().noneMatch(Character::isLetterOrDigit)) {
                negated = 0;
                continue;
            }
            f.put("w:" + w, 1.0);
            if (negated > 0) {
                f.put("n:" + w, 1.0);
                negated--;
            }
            if (cues.negators().contains(w)) {
                negated = NEGATION_REACH;
            }
        }
        String han = NOT_HAN.matcher(normal).replaceAll(" ");
        for (String run : SPACES.split(han.trim())) {
            for (int i = 0; i < run.length(); i++) {
                f.put("u:" + run.charAt(i), 1.0);
                if (i + 1 < run.length()) {
                    f.put("c:" + run.substring(i, i + 2), 1.0);
                }
                if (i + 2 < run.length()) {
                    f.put("t:" + run.substring(i, i + 3), 1.0);
                }
            }
        }
        normalise(f);
        shape(normal, f);
        List<String> own = cueNames(normal, cues);
        for (String name : own) {
            f.put("cue:" + name, 1.0);
        }
        context(turn, cues, f);
        // Kept after the context is read, so the next message finds this one, the customer's last.
        LAST_CUES.set(new Object[] {normal, cues, own});
        return f;
    }

    /** The text and cue groups of the message scored last on this thread: the next customer message reads them as its "pc:" context. */
    private static final ThreadLocal<Object[]> LAST_CUES = new ThreadLocal<>();

    /**
     * The cue groups {@code normal} (masked, lower case) matches. A customer message is scored, then
     * read again as the context of the next one: the groups of the last message scored are kept
     * ({@link #extract}), so each message's two dozen patterns usually run once.
     */
    private static List<String> cueNames(String normal, Cues cues) {
        Object[] last = LAST_CUES.get();
        if (last != null && last[0].equals(normal) && last[1] == cues) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) last[2];
            return names;
        }
        List<String> names = new java.util.ArrayList<>(4);
        cues.groups().forEach((name, cue) -> {
            if (cue.find(normal)) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * What the message answers, as cue groups: the agent's last words among the two messages
     * before ("pa:" — a refusal or an apology before 好吧 makes it resigned) and the customer's
     * ("pc:" — a complaint going on). A customer writing twice in a row is a feature of its own.
     */
    private static void context(ChatTurn turn, Cues cues, Map<String, Double> f) {
        if (turn == ChatTurn.NONE) {
            return;
        }
        if (turn.previousAgent().isEmpty()) {
            f.put("#pa-none", 1.0);
        } else {
            String agent = masked(turn.previousAgent().toLowerCase(Locale.ROOT));
            cues.agentGroups().forEach((name, cue) -> {
                if (cue.find(agent)) {
                    f.put("pa:" + name, 1.0);
                }
            });
        }
        if (!turn.previousCustomer().isEmpty()) {
            String customer = masked(turn.previousCustomer().toLowerCase(Locale.ROOT));
            // Reads the message's own groups back when it answers right after the customer's last message.
            List<String> before = cueNames(customer, cues);
            for (String name : before) {
                f.put("pc:" + name, 1.0);
            }
        }
    }

    /** Placeholders as one opaque token; most texts have none, and those skip the regex. */
    private static String masked(String s) {
        return s.indexOf('[') < 0 ? s : PLACEHOLDER.matcher(s).replaceAll(MASKED);
    }

    /**
     * The named cue groups of {@code chatqa/sentiment/chat-cues.yaml} and the lexicon's negators,
     * read once per JVM.
     */
    record Cues(Map<String, PrefilteredPattern> groups, Map<String, PrefilteredPattern> agentGroups, Map<String, PrefilteredPattern> negativeWhen,
                Map<String, PrefilteredPattern> positiveWhen, PrefilteredPattern hypothetical, Set<String> negators) {
        static final Cues SHARED = load();

        private static Cues load() {
            try (java.io.InputStream in = ChatSentimentFeatures.class.getResourceAsStream("/chatqa/sentiment/chat-cues.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("chatqa/sentiment/chat-cues.yaml is missing from the jar");
                }
                chatqa.config.YamlTree root = chatqa.config.YamlTree.parse(
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "chat-cues.yaml");
                return new Cues(patterns(root.required("cues")), patterns(root.required("agent_cues")),
                        patterns(root.required("negative_when")), patterns(root.required("positive_when")),
                        PrefilteredPattern.compile(root.required("hypothetical").text()),
                        ChatLexicon.load().negators());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * The convention that makes {@code text} negative whatever the model says, as
         * {@code group('words')}, or null: none matches, or the message is hypothetical.
         */
        String negativeConvention(String text) {
            String normal = masked(text.toLowerCase(Locale.ROOT));
            String hit = firstHit(negativeWhen, normal);
            return hit == null || hypothetical.find(normal) ? null : hit;
        }

        /** The convention that makes {@code text} positive when the model calls it neutral, or null. */
        String positiveConvention(String text) {
            return firstHit(positiveWhen, text.toLowerCase(Locale.ROOT).strip());
        }

        private static String firstHit(Map<String, PrefilteredPattern> groups, String text) {
            for (Map.Entry<String, PrefilteredPattern> e : groups.entrySet()) {
                Matcher m = e.getValue().first(text);
                if (m != null) {
                    return e.getKey() + "('" + m.group().strip() + "')";
                }
            }
            return null;
        }

        private static Map<String, PrefilteredPattern> patterns(chatqa.config.YamlTree groups) {
            Map<String, PrefilteredPattern> out = new java.util.TreeMap<>();
            groups.entries().forEach((name, regex) -> out.put(name, PrefilteredPattern.compile(regex.text())));
            return out;
        }
    }

    /**
     * Scales each family of text features (words, negated words, characters, character pairs) to
     * unit length, so a long message's many ordinary words do not drown the few cues that carry
     * its sentiment.
     */
    private static void normalise(Map<String, Double> f) {
        // The families are the two-character prefixes (w:, n:, u:, c:, t:, e:), counted without substrings.
        Map<Integer, Integer> counts = new java.util.HashMap<>(8);
        f.keySet().forEach(k -> counts.merge(family(k), 1, Integer::sum));
        f.replaceAll((k, v) -> v / Math.sqrt(counts.get(family(k))));
    }

    private static int family(String feature) {
        return feature.charAt(0) << 16 | feature.charAt(1);
    }

    private static void shape(String text, Map<String, Double> f) {
        int len = text.codePointCount(0, text.length());
        f.put("#len" + (len <= 2 ? "1" : len <= 5 ? "2" : len <= 10 ? "3" : len <= 20 ? "4" : len <= 50 ? "5" : "6"), 1.0);
        if (QUESTION.matcher(text).find()) {
            f.put("#q", 1.0);
        }
        if (QUESTIONS.matcher(text).find()) {
            f.put("#qq", 1.0);
        }
        if (EXCLAMATION.matcher(text).find()) {
            f.put("#ex", 1.0);
        }
        if (EXCLAMATIONS.matcher(text).find()) {
            f.put("#exx", 1.0);
        }
        if (text.contains("。。") || text.contains("...") || text.contains("…")) {
            f.put("#dots", 1.0);
        }
        if (text.contains("~") || text.contains("～")) {
            f.put("#tilde", 1.0);
        }
        if (text.contains(MASKED)) {
            f.put("#masked", 1.0);
        }
        f.put("#bias", 1.0);
    }
}
