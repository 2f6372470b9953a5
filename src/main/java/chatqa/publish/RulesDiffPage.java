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
 * Writes {@code index.html} of a rules diff in the report's words: the summary, the rules whose
 * verdicts change, the agents whose standing changes, and the flipped checks with the old and
 * new evidence (in Chinese through {@link EvidenceWords}). The chat words evidence quotes are
 * masked like every message text the report shows.
 */
public final class RulesDiffPage {
    private final Words w;
    private final EvidenceWords evidence;
    private final PersonalDataMask mask;

    public RulesDiffPage(Words words, PersonalDataMask mask) {
        this.w = words;
        this.evidence = EvidenceWords.of(words);
        this.mask = mask;
    }

    public Path write(RulesDiffReport r, Path folder) throws IOException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("w", w.all());
        v.put("lang", w.language().htmlLang());
        String title = w.format("diff_title", r.book(), w.day(r.from()), w.day(r.to()));
        v.put("title", title);
        v.put("summary", w.format("diff_summary", Formats.count(r.conversations()), Formats.count(r.checks()), Formats.count(r.flipped())));
        if (r.reviewedChecks() > 0) {
            v.put("reviewers", w.format("diff_reviewers", Formats.count(r.reviewedChecks()), Formats.count(r.oldAgrees()),
                    Formats.count(r.newAgrees())));
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RulesDiffReport.RuleChange c : r.rules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", DayReport.RuleRate.shownName(c.name(), c.ruleId()));
            m.put("id", c.ruleId());
            m.put("checkedBefore", Formats.count(c.checkedBefore()));
            m.put("checkedAfter", Formats.count(c.checkedAfter()));
            m.put("before", Formats.percent(c.passRateBefore()));
            m.put("after", Formats.percent(c.passRateAfter()));
            m.put("flipped", Formats.count(c.flipped()));
            m.put("changed", c.flipped() > 0 || c.checkedBefore() != c.checkedAfter());
            rules.add(m);
        }
        v.put("rules", rules);
        List<Map<String, Object>> agents = new ArrayList<>();
        for (RulesDiffReport.AgentChange a : r.agents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shop", a.shopId());
            m.put("agent", a.agentId());
            m.put("before", Formats.score(a.qaScoreBefore()));
            m.put("after", Formats.score(a.qaScoreAfter()));
            m.put("change", Formats.signed(a.change()));
            m.put("changeClass", Formats.trend(a.change()));
            m.put("rankBefore", a.rankBefore() == null ? "—" : a.rankBefore());
            m.put("rankAfter", a.rankAfter() == null ? "—" : a.rankAfter());
            agents.add(m);
        }
        v.put("agents", agents);
        v.put("agentsNote", w.format("diff_agents_note", Formats.count(r.agents().size()), Formats.count(r.agentsChanged())));
        List<Map<String, Object>> flips = new ArrayList<>();
        for (RulesDiffReport.Flip f : r.flips()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("day", w.shortDay(f.day()));
            m.put("conversation", f.conversationId());
            m.put("agent", f.agentId());
            m.put("rule", f.ruleId());
            m.put("was", w.get(f.passedBefore() ? "review_passed" : "review_failed"));
            m.put("now", w.get(f.passedBefore() ? "review_failed" : "review_passed"));
            m.put("before", shown(f.evidenceBefore()));
            m.put("after", shown(f.evidenceAfter()));
            flips.add(m);
        }
        v.put("flips", flips);
        v.put("flipsNote", w.format("diff_flips_note", Formats.count(r.flips().size()), Formats.count(r.flipped())));
        StringWriter html = new StringWriter();
        new DefaultMustacheFactory("chatqa/report").compile("rules-diff.mustache").execute(html, v).flush();
        Path page = folder.resolve("index.html");
        Files.writeString(page, html.toString(), StandardCharsets.UTF_8);
        return page;
    }

    private String shown(String english) {
        return english == null ? "" : mask.mask(evidence.translate(english)).text();
    }
}
