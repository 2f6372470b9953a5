package chatqa.publish;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;

import chatqa.privacy.PersonalDataMask;

/**
 * Writes the day's digest as {@code digest.md} (for mail and chat tools) and {@code digest.html}
 * (beside the report, linking to the agents' pages), in the report's language. Matched words are
 * masked like every message text the report shows.
 */
public final class DigestWriter {
    private final Words w;
    private final PersonalDataMask mask;

    public DigestWriter(Words words, PersonalDataMask mask) {
        this.w = words;
        this.mask = mask;
    }

    /** One section: its heading and its lines (with the link to an agent's page where there is one). */
    record Section(String heading, List<Line> lines, String more) {
    }

    record Line(String text, String href) {
    }

    /** Writes both files into {@code dayFolder}; {@code agentPages} maps an agent key (DayReport.AgentPage.key) to its page. */
    public void write(Digest d, Map<String, String> agentPages, Path dayFolder) throws IOException {
        List<Section> sections = sections(d, agentPages);
        String title = w.format("digest_title", w.day(d.day()));
        String against = d.previousDay() == null ? w.get("digest_first_day") : w.format("digest_against", w.day(d.previousDay()));
        StringBuilder md = new StringBuilder("# ").append(markdown(title)).append("\n\n").append(markdown(against)).append("\n");
        for (Section s : sections) {
            md.append("\n## ").append(markdown(s.heading())).append("\n");
            if (s.lines().isEmpty()) {
                md.append(w.get("digest_none")).append("\n");
            }
            for (Line l : s.lines()) {
                md.append("- ").append(markdown(l.text())).append("\n");
            }
            if (s.more() != null) {
                md.append(markdown(s.more())).append("\n");
            }
        }
        md.append("\n").append(markdown(w.get("digest_link"))).append("\n");
        Files.writeString(dayFolder.resolve("digest.md"), md, StandardCharsets.UTF_8);

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("lang", w.language().htmlLang());
        view.put("title", title);
        view.put("against", against);
        view.put("sections", sections);
        view.put("none", w.get("digest_none"));
        view.put("link", w.get("digest_link"));
        StringWriter html = new StringWriter();
        new DefaultMustacheFactory("chatqa/report").compile("digest.mustache").execute(html, view).flush();
        Files.writeString(dayFolder.resolve("digest.html"), html.toString(), StandardCharsets.UTF_8);
    }

    private List<Section> sections(Digest d, Map<String, String> pages) {
        List<Section> out = new ArrayList<>();
        List<Line> fatal = new ArrayList<>();
        for (Digest.Fatal f : d.fatal()) {
            String rule = rule(f.ruleName(), f.ruleId());
            String words = f.matchedText() == null ? "" : " · “" + mask.mask(f.matchedText()).text() + "”";
            fatal.add(new Line(f.shopId() + " · " + f.agentId() + " · " + rule + " · " + w.format("conversation_id", f.conversationId()) + words,
                    page(pages, f.shopId(), f.agentId())));
        }
        out.add(new Section(w.format("digest_fatal", Formats.count(d.fatalCount())), fatal, more(d.fatalCount(), fatal.size())));
        List<Line> platform = new ArrayList<>();
        for (Digest.Intervention i : d.interventions()) {
            platform.add(new Line(i.shopId() + " · " + i.agentId() + " · " + w.format("conversation_id", i.conversationId()),
                    page(pages, i.shopId(), i.agentId())));
        }
        out.add(new Section(w.format("digest_interventions", Formats.count(d.interventionCount())), platform,
                more(d.interventionCount(), platform.size())));
        if (d.previousDay() != null) {
            List<Line> drops = new ArrayList<>();
            for (Digest.Drop x : d.drops()) {
                drops.add(new Line(x.shopId() + " · " + x.agentId() + ": " + w.format("digest_drop_line", Formats.score(x.qaScore()),
                        Formats.score(x.previousQaScore()), Formats.signed(x.change())), page(pages, x.shopId(), x.agentId())));
            }
            out.add(new Section(w.format("digest_drops", Formats.score(d.scoreDrop()), drops.size()), drops, null));
            List<Line> jumps = new ArrayList<>();
            for (Digest.Jump j : d.jumps()) {
                String rule = rule(j.ruleName(), j.ruleId());
                jumps.add(new Line(j.shopId() + " · " + rule + ": " + w.format("digest_jump_line", Formats.percent(j.failRate()),
                        Formats.percent(j.previousFailRate()), w.format("points_suffix", Formats.signed(100 * j.change())),
                        Formats.count(j.checked())), null));
            }
            out.add(new Section(w.format("digest_jumps", Math.round(100 * d.rateJump()), jumps.size()), jumps, null));
        }
        if (d.backlog() != null) {
            List<Line> days = new ArrayList<>();
            for (Digest.BacklogDay b : d.backlog().days()) {
                days.add(new Line(w.format("digest_backlog_line", w.day(b.day()), Formats.count(b.queued()), Formats.count(b.reviewed()),
                        Formats.count(b.waiting())), null));
            }
            out.add(new Section(w.format("digest_backlog", Formats.count(d.backlog().waiting()), Formats.count(d.backlog().appealsOpen())),
                    days, null));
        }
        return out;
    }

    /** A rule by its name with the id beside it, or by its id when it has no name. */
    private static String rule(String name, String id) {
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }

    private String more(long count, int shown) {
        return count > shown ? w.format("digest_more", Formats.count(count - shown)) : null;
    }

    private static String page(Map<String, String> pages, String shop, String agent) {
        String file = pages.get(DayReport.AgentPage.key(shop, agent));
        return file == null ? null : OverviewView.href("agents/" + file);
    }

    /**
     * Text as Markdown shows it, not as Markdown reads it: chat words and ids may hold *, [ or #.
     * An underscore inside a word (red_line.rude) emphasises nothing in CommonMark, so it stays.
     */
    static String markdown(String text) {
        return text.replaceAll("([\\\\`*\\[\\]<>#|]|(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}]))", "\\\\$1");
    }
}
