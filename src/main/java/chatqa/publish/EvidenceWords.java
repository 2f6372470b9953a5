package chatqa.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evidence sentence of a check in the report's language. Scoring writes one English sentence
 * per check (rule_hits.evidence), which analysts' SQL may rely on whatever the report language; the
 * report translates it with the table {@code chatqa/report/evidence_<locale>.tsv} — whole-sentence
 * forms first, then fragments of composed rules' traces. A sentence no form matches is shown as
 * written, never dropped.
 */
public final class EvidenceWords {
    private static final Map<ReportLanguage, EvidenceWords> LOADED = new ConcurrentHashMap<>();
    private static final Pattern TOKEN = Pattern.compile("([$@%&])(\\d)|\\?(\\d)\\{([^}]*)}");

    private record Form(Pattern pattern, String template) {
    }

    private final Words words;
    private final List<Form> sentences;
    private final List<Form> fragments;

    private EvidenceWords(Words words, List<Form> sentences, List<Form> fragments) {
        this.words = words;
        this.sentences = sentences;
        this.fragments = fragments;
    }

    /** The translator of a report's words (English: the sentences as written). */
    public static EvidenceWords of(Words w) {
        EvidenceWords loaded = LOADED.computeIfAbsent(w.language(), EvidenceWords::load);
        return loaded.words == w ? loaded : new EvidenceWords(w, loaded.sentences, loaded.fragments);
    }

    private static EvidenceWords load(ReportLanguage language) {
        List<Form> sentences = new ArrayList<>();
        List<Form> fragments = new ArrayList<>();
        String resource = "/chatqa/report/evidence_" + language.locale() + ".tsv";
        try (InputStream in = EvidenceWords.class.getResourceAsStream(resource)) {
            if (in != null) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        throw new IllegalStateException(resource + ": no tab in '" + line + "'");
                    }
                    boolean fragment = line.startsWith("~");
                    Form f = new Form(Pattern.compile(line.substring(fragment ? 1 : 0, tab)), line.substring(tab + 1));
                    (fragment ? fragments : sentences).add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return new EvidenceWords(Words.of(language), List.copyOf(sentences), List.copyOf(fragments));
    }

    /** The sentence in the report's language. */
    public String translate(String english) {
        if (english == null || (sentences.isEmpty() && fragments.isEmpty())) {
            return english;
        }
        String whole = sentence(english);
        if (whole != null) {
            return whole;
        }
        String out = english;
        for (Form f : fragments) {
            Matcher m = f.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(fill(f.template(), m)));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    /** Whether a whole-sentence form matches (for the test that every sentence the scorer writes is covered). */
    boolean covers(String english) {
        return sentences.isEmpty() || sentence(english) != null;
    }

    private String sentence(String english) {
        for (Form f : sentences) {
            Matcher m = f.pattern().matcher(english);
            if (m.matches()) {
                return fill(f.template(), m);
            }
        }
        return null;
    }

    private String fill(String template, Matcher m) {
        Matcher t = TOKEN.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (t.find()) {
            String value;
            if (t.group(3) != null) {
                value = m.group(Integer.parseInt(t.group(3))) == null ? "" : fill(t.group(4), m);
            } else {
                String g = m.group(Integer.parseInt(t.group(2)));
                value = g == null ? "" : switch (t.group(1)) {
                    case "@" -> translate(g);
                    case "%" -> words.role(g);
                    case "&" -> words.outcome(g);
                    default -> g;
                };
            }
            t.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        t.appendTail(sb);
        return sb.toString();
    }
}
