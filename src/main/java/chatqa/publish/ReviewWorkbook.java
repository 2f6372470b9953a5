package chatqa.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.github.mustachejava.DefaultMustacheFactory;

import chatqa.privacy.PersonalDataMask;

/**
 * Writes a review queue as {@code review/queue.xlsx} — one row per machine check of each sampled
 * conversation, with empty reviewer, verdict (a drop-down of 同意 / 不同意 / 不适用), corrected
 * points and comment columns, and appeal (the agent's) and decision (the final judge's: 支持 /
 * 驳回) — and one {@code review/<conversation>.html} per conversation: the
 * masked transcript with the span each failed check matched highlighted. Headers and words are in
 * the report's language; {@link #COLUMNS} is the order the import reads back.
 */
public final class ReviewWorkbook {
    /** The workbook's columns, by bundle key suffix ({@code review_col_<name>}). */
    public static final List<String> COLUMNS = List.of("dt", "reason", "conversation", "shop", "agent", "segment", "rule", "rule_name",
            "machine", "points", "evidence", "transcript", "reviewer", "verdict", "corrected", "comment", "appeal", "decision");

    private final Words w;
    private final PersonalDataMask mask;

    public ReviewWorkbook(Words words, PersonalDataMask mask) {
        this.w = words;
        this.mask = mask;
    }

    /** Writes {@code folder/queue.xlsx} and the transcript pages; returns the workbook. */
    public Path write(ReviewQueue q, Path folder) throws IOException {
        Files.createDirectories(folder);
        SafeFileNames names = new SafeFileNames();
        Map<String, String> pages = new HashMap<>();
        q.conversations().forEach(c -> pages.put(c.conversationId(), names.fileNameFor(c.conversationId())));
        Map<String, ReviewQueue.Sampled> sampled = new LinkedHashMap<>();
        q.conversations().forEach(c -> sampled.put(c.conversationId(), c));
        EvidenceWords evidence = EvidenceWords.of(w);
        Path workbook = folder.resolve("queue.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(w.get("review_sheet"));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(w.get("review_col_" + COLUMNS.get(i)));
                c.setCellStyle(bold);
            }
            int r = 1;
            for (ReviewQueue.CheckRow check : q.checks()) {
                ReviewQueue.Sampled s = sampled.get(check.conversationId());
                Row row = sheet.createRow(r++);
                List<Object> cells = List.of(q.day(), w.named("review.reason", s.reason().code()), check.conversationId(),
                        String.valueOf(s.shopId()), check.agentId(), check.segment(), check.ruleId(), check.ruleName(),
                        w.get(check.passed() ? "review_passed" : "review_failed"), check.points(),
                        check.evidence() == null ? "" : mask.mask(evidence.translate(check.evidence())).text());
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v instanceof Integer n) {
                        row.createCell(i).setCellValue(n);
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(v));
                    }
                }
                Cell link = row.createCell(COLUMNS.indexOf("transcript"));
                link.setCellValue(w.get("review_open"));
                Hyperlink h = book.getCreationHelper().createHyperlink(HyperlinkType.FILE);
                h.setAddress(pages.get(check.conversationId()));
                link.setHyperlink(h);
            }
            if (r > 1) {
                DataValidationHelper dv = sheet.getDataValidationHelper();
                int col = COLUMNS.indexOf("verdict");
                DataValidation v = dv.createValidation(dv.createExplicitListConstraint(new String[] {w.get("review_verdict_agree"),
                        w.get("review_verdict_disagree"), w.get("review_verdict_na")}), new CellRangeAddressList(1, r - 1, col, col));
                v.setShowErrorBox(true);
                sheet.addValidationData(v);
                int dcol = COLUMNS.indexOf("decision");
                DataValidation d = dv.createValidation(dv.createExplicitListConstraint(new String[] {w.get("review_decision_upheld"),
                        w.get("review_decision_rejected")}), new CellRangeAddressList(1, r - 1, dcol, dcol));
                d.setShowErrorBox(true);
                sheet.addValidationData(d);
            }
            sheet.createFreezePane(0, 1);
            long control = q.conversations().stream().filter(c -> c.reason() == ReviewQueue.Reason.CONTROL).count();
            Sheet about = book.createSheet(w.get("review_about_sheet"));
            about.createRow(0).createCell(0).setCellValue(w.format("review_about", q.conversations().size(), w.day(q.day()), q.seed(), control,
                    Formats.percent(q.controlShare())));
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }
        writeTranscripts(q, folder, pages);
        return workbook;
    }

    private void writeTranscripts(ReviewQueue q, Path folder, Map<String, String> pages) throws IOException {
        Map<String, List<ReviewQueue.Line>> lines = new LinkedHashMap<>();
        q.messages().forEach(m -> lines.computeIfAbsent(m.conversationId(), k -> new ArrayList<>()).add(m));
        Map<String, List<ReviewQueue.CheckRow>> checks = new LinkedHashMap<>();
        q.checks().forEach(c -> checks.computeIfAbsent(c.conversationId(), k -> new ArrayList<>()).add(c));
        EvidenceWords evidence = EvidenceWords.of(w);
        var template = new DefaultMustacheFactory("chatqa/report").compile("review.mustache");
        for (ReviewQueue.Sampled s : q.conversations()) {
            List<ReviewQueue.CheckRow> own = checks.getOrDefault(s.conversationId(), List.of());
            List<Map<String, Object>> shown = new ArrayList<>();
            for (ReviewQueue.Line m : lines.getOrDefault(s.conversationId(), List.of())) {
                ReviewQueue.CheckRow hit = own.stream().filter(c -> !c.passed() && c.messageSeq() != null && c.messageSeq() == m.seq()
                        && c.spanStart() != null).findFirst().orElse(null);
                Map<String, Object> v = new LinkedHashMap<>(Highlight.of(m.text(), hit == null ? null : hit.spanStart(),
                        hit == null ? null : hit.spanEnd(), mask));
                v.put("seq", m.seq());
                v.put("who", w.role(m.role()) + (m.agentId() == null ? "" : " " + m.agentId()));
                v.put("sentAt", m.sentAt() == null ? "" : m.sentAt());
                v.put("role", m.role());
                shown.add(v);
            }
            List<Map<String, Object>> failed = new ArrayList<>();
            for (ReviewQueue.CheckRow c : own) {
                if (!c.passed()) {
                    failed.add(Map.of("rule", c.ruleName() + " (" + c.ruleId() + ")", "points", c.fatal() ? w.get("red_line_zero")
                            : w.format("minus_points", c.points()), "evidence", c.evidence() == null ? "" : mask.mask(evidence.translate(c.evidence())).text()));
                }
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("lang", w.language().htmlLang());
            view.put("title", w.format("review_title", s.conversationId()));
            view.put("meta", String.valueOf(s.shopId()) + " · " + s.agentId() + " · " + w.named("review.reason", s.reason().code()));
            view.put("messages", shown);
            view.put("checksHeading", w.get("review_checks"));
            view.put("failed", failed);
            StringWriter out = new StringWriter();
            template.execute(out, view).flush();
            Files.writeString(folder.resolve(pages.get(s.conversationId())), out.toString(), StandardCharsets.UTF_8);
        }
    }
}
