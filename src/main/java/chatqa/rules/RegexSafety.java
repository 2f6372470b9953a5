package chatqa.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks a rule book's regular expressions before a night depends on them: each is run on
 * adversarial messages of {@value #MESSAGE_CHARS} characters (its own literal characters and
 * words repeated, then one character that makes the match fail, which is what sends a
 * backtracking engine through every split), in a thread with the stack of a scoring task and a
 * time budget. A pattern that overflows or runs over on any of them — {@code (a|a)+b} does on
 * the first — is reported with the rule that owns it, and the book is refused.
 */
public final class RegexSafety {
    static final int MESSAGE_CHARS = 10_000;
    /** Per adversarial message; a sound pattern needs well under a millisecond. */
    static final long BUDGET_NANOS = 200_000_000L;
    /** The stack of a scoring task's thread (the JVM's default on 64-bit Linux). */
    static final long STACK_BYTES = 1L << 20;
    private static final int MAX_PROBES = 16;

    private RegexSafety() {
    }

    /** The problems found, one line each naming the owner (rule id, scenario or outcome signal); empty when all are safe. */
    public static List<String> problems(RuleBook book) {
        Map<Integer, List<String>> owners = book.setOwners();
        List<String> out = new ArrayList<>();
        for (PhraseSet set : book.phraseSets()) {
            if (set.regex() == null) {
                continue;
            }
            String problem = probe(set);
            if (problem != null) {
                String owner = String.join(", ", owners.getOrDefault(set.id(), List.of("phrase set " + set.id())));
                out.add(owner + ": regex '" + set.regex().pattern() + "' " + problem);
            }
        }
        return out;
    }

    /** Why {@code set}'s regex is unsafe, or null. */
    static String probe(PhraseSet set) {
        AtomicReference<String> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            for (String message : adversarial(set.regex().pattern())) {
                try {
                    GuardedRegex.findAll(set.regex(), message, BUDGET_NANOS);
                } catch (GuardedRegex.Failure f) {
                    String sample = message.substring(0, 12);
                    result.set(f.getMessage().replace("the regular expression ", "")
                            .replaceFirst("on a \\d+-character message", "on a " + MESSAGE_CHARS + "-character message '" + sample + "…'"));
                    return;
                }
            }
        }, "chatqa-regex-probe", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result.get();
    }

    /** Messages that make a backtracking pattern work hardest: its own characters and words, over and over. */
    static List<String> adversarial(String pattern) {
        Set<String> units = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                i++;
                flush(word, units);
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
                units.add(String.valueOf(c));
            } else {
                flush(word, units);
            }
        }
        flush(word, units);
        units.add(" ");
        units.add("a");
        List<String> out = new ArrayList<>();
        for (String u : units) {
            if (out.size() == MAX_PROBES) {
                break;
            }
            out.add(repeat(u) + "!");
        }
        return out;
    }

    private static void flush(StringBuilder word, Set<String> units) {
        if (word.length() > 1) {
            units.add(word.toString());
        }
        word.setLength(0);
    }

    private static String repeat(String unit) {
        StringBuilder sb = new StringBuilder(MESSAGE_CHARS + unit.length());
        while (sb.length() < MESSAGE_CHARS) {
            sb.append(unit);
        }
        sb.setLength(MESSAGE_CHARS);
        return sb.toString();
    }
}
