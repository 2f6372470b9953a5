package chatqa.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import chatqa.ingest.ReviewSheet;
import chatqa.publish.ReportLanguage;
import chatqa.publish.ReviewQueue;
import chatqa.publish.ReviewWorkbook;
import chatqa.publish.Words;
import chatqa.warehouse.DayAppend;
import chatqa.warehouse.ReviewsTable;
import chatqa.warehouse.ReviewsTable.Review;
import chatqa.warehouse.Tables;
import chatqa.warehouse.WarehouseViews;

/**
 * {@code chatqa review import}: a filled review workbook into the {@code reviews} table, whole or
 * not at all. Every judged row is checked first — its day, part and rule, a verdict of 同意 /
 * 不同意 / 不适用 (or agree / disagree / n/a), a reviewer, corrected points from 0 to 100, an appeal
 * decision of 支持 / 驳回 only beside an appeal — and
 * matched to its machine check in {@code rule_hits}; one bad row refuses the file with the sheet,
 * row and column of every problem. The rows are then written beside the warehouse and moved into
 * {@code reviews/dt=<day>/} one file per day; rows without a verdict are not reviewed yet and are
 * left out.
 */
public final class ReviewImport {
    private static final List<String> REQUIRED = List.of("dt", "conversation", "segment", "rule", "reviewer", "verdict");
    /** What an import brought in. */
    public record Outcome(String importId, int judged, int notYetReviewed, Map<String, Integer> perDay) {
    }

    /** A workbook refused whole: every problem found, with its place. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final SparkSession spark;
    private final String warehouse;

    public ReviewImport(SparkSession spark, String warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    public Outcome run(Path file) throws IOException {
        Map<String, String> headers = new HashMap<>();
        Map<String, String> verdicts = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        Map<String, String> decisions = new HashMap<>();
        for (ReportLanguage l : ReportLanguage.values()) {
            Words w = Words.of(l);
            ReviewWorkbook.COLUMNS.forEach(k -> headers.put(w.get("review_col_" + k).toLowerCase(Locale.ROOT), k));
            verdicts.put(w.get("review_verdict_agree").toLowerCase(Locale.ROOT), "agree");
            verdicts.put(w.get("review_verdict_disagree").toLowerCase(Locale.ROOT), "disagree");
            verdicts.put(w.get("review_verdict_na").toLowerCase(Locale.ROOT), "na");
            decisions.put(w.get("review_decision_upheld").toLowerCase(Locale.ROOT), "upheld");
            decisions.put(w.get("review_decision_rejected").toLowerCase(Locale.ROOT), "rejected");
            for (ReviewQueue.Reason r : ReviewQueue.Reason.values()) {
                reasons.put(w.named("review.reason", r.code()), r.code());
            }
        }
        ReviewsTable.VERDICTS.forEach(v -> verdicts.put(v, v));
        ReviewsTable.DECISIONS.forEach(d -> decisions.put(d, d));
        List<ReviewSheet.Row> rows = ReviewSheet.read(file, headers, REQUIRED);
        Map<String, String> shownHeader = new HashMap<>();
        Words zh = Words.of(ReportLanguage.ZH);
        ReviewWorkbook.COLUMNS.forEach(k -> shownHeader.put(k, zh.get("review_col_" + k)));

        List<String> problems = new ArrayList<>();
        List<ReviewSheet.Row> judged = new ArrayList<>();
        int notYet = 0;
        for (ReviewSheet.Row r : rows) {
            String where = "sheet " + r.sheet() + ", row " + r.row() + ", column ";
            String verdict = r.get("verdict");
            if (verdict.isEmpty() && r.get("appeal").isEmpty()) {
                notYet++;
                continue;
            }
            int before = problems.size();
            if (!verdict.isEmpty() && !verdicts.containsKey(verdict.toLowerCase(Locale.ROOT))) {
                problems.add(where + shownHeader.get("verdict") + ": '" + verdict + "' is not one of 同意 / 不同意 / 不适用 (agree / disagree / n/a)");
            }
            if (r.get("reviewer").isEmpty() && !(verdict.isEmpty() && r.get("decision").isEmpty())) {
                problems.add(where + shownHeader.get("reviewer") + ": a verdict needs the reviewer's name");
            }
            try {
                LocalDate.parse(r.get("dt"));
            } catch (DateTimeParseException e) {
                problems.add(where + shownHeader.get("dt") + ": '" + r.get("dt") + "' is not a day YYYY-MM-DD");
            }
            if (!r.get("segment").matches("[1-9]\\d{0,3}")) {
                problems.add(where + shownHeader.get("segment") + ": '" + r.get("segment") + "' is not a part number (1, 2, …)");
            }
            if (r.get("conversation").isEmpty() || r.get("rule").isEmpty()) {
                problems.add(where + shownHeader.get(r.get("conversation").isEmpty() ? "conversation" : "rule") + ": empty");
            }
            String corrected = r.get("corrected");
            if (!corrected.isEmpty() && !(corrected.matches("\\d{1,3}") && Integer.parseInt(corrected) <= 100)) {
                problems.add(where + shownHeader.get("corrected") + ": '" + corrected + "' is not a number of points from 0 to 100");
            }
            String decision = r.get("decision");
            if (!decision.isEmpty() && !decisions.containsKey(decision.toLowerCase(Locale.ROOT))) {
                problems.add(where + shownHeader.get("decision") + ": '" + decision + "' is not one of 支持 / 驳回 (upheld / rejected)");
            } else if (!decision.isEmpty() && r.get("appeal").isEmpty()) {
                problems.add(where + shownHeader.get("decision") + ": a decision without an appeal (write the agent's appeal in "
                        + shownHeader.get("appeal") + ")");
            }
            if (problems.size() == before) {
                judged.add(r);
            }
        }
        refuseIfAny(file, problems);

        Map<Long, Row> machine = machineChecks(judged);
        Instant now = Instant.now();
        String importId = DayAppend.newId(now);
        Map<String, List<Review>> byDay = new TreeMap<>();
        for (ReviewSheet.Row r : judged) {
            Row m = machine.get(r.row());
            if (m == null) {
                problems.add("sheet " + r.sheet() + ", row " + r.row() + ": no check of rule " + r.get("rule") + " in part " + r.get("segment")
                        + " of conversation " + r.get("conversation") + " on " + r.get("dt") + " in the warehouse " + warehouse);
                continue;
            }
            String corrected = r.get("corrected");
            Integer points = m.getAs("points_deducted");
            byDay.computeIfAbsent(r.get("dt"), d -> new ArrayList<>()).add(new Review(r.get("conversation"), Integer.parseInt(r.get("segment")),
                    r.get("rule"), r.get("reviewer").isEmpty() ? null : r.get("reviewer"), verdicts.get(r.get("verdict").toLowerCase(Locale.ROOT)),
                    corrected.isEmpty() ? null : Integer.parseInt(corrected), r.get("comment").isEmpty() ? null : r.get("comment"),
                    r.get("appeal").isEmpty() ? null : r.get("appeal"),
                    r.get("decision").isEmpty() ? null : decisions.get(r.get("decision").toLowerCase(Locale.ROOT)),
                    reasons.getOrDefault(r.get("reason"), r.get("reason").isEmpty() ? null : r.get("reason")), m.<Boolean>getAs("passed"),
                    points == null ? 0 : points, importId, file.toString(), r.row(), now));
        }
        refuseIfAny(file, problems);
        Map<String, Integer> perDay = new LinkedHashMap<>();
        write(byDay, importId);
        byDay.forEach((d, list) -> perDay.put(d, list.size()));
        return new Outcome(importId, judged.size(), notYet, perDay);
    }

    private static void refuseIfAny(Path file, List<String> problems) throws Refused {
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(file + ": nothing imported, " + problems.size() + " problem(s):");
            problems.stream().limit(20).forEach(p -> sb.append("\n  ").append(p));
            if (problems.size() > 20) {
                sb.append("\n  … and ").append(problems.size() - 20).append(" more");
            }
            throw new Refused(sb.toString());
        }
    }

    /** The machine's check of each judged row (by the row's number), found with one join on rule_hits. */
    private Map<Long, Row> machineChecks(List<ReviewSheet.Row> judged) throws IOException {
        Map<Long, Row> out = new HashMap<>();
        if (judged.isEmpty()) {
            return out;
        }
        WarehouseViews.register(spark, warehouse);
        if (!spark.catalog().tableExists(Tables.RULE_HITS)) {
            throw new Refused("the warehouse " + warehouse + " has no rule_hits: nothing to match the verdicts to");
        }
        StructType keys = new StructType().add("row", DataTypes.LongType).add("dt", DataTypes.DateType)
                .add("conversation_id", DataTypes.StringType).add("segment", DataTypes.IntegerType).add("rule_id", DataTypes.StringType);
        List<Row> wanted = judged.stream().map(r -> RowFactory.create(r.row(), java.sql.Date.valueOf(LocalDate.parse(r.get("dt"))),
                r.get("conversation"), Integer.parseInt(r.get("segment")), r.get("rule"))).toList();
        Dataset<Row> k = spark.createDataFrame(wanted, keys);
        k.createOrReplaceTempView("review_keys");
        for (Row r : spark.sql("SELECT k.row, h.passed, h.points_deducted FROM review_keys k JOIN rule_hits h ON h.dt = k.dt "
                + "AND h.conversation_id = k.conversation_id AND h.segment = k.segment AND h.rule_id = k.rule_id").collectAsList()) {
            out.put(r.getAs("row"), r);
        }
        return out;
    }

    /** Each day's rows as one file, moved in only when all are written ({@link DayAppend}). */
    private void write(Map<String, List<Review>> byDay, String importId) throws IOException {
        DayAppend.append(spark, warehouse, ReviewsTable.TABLE, byDay, importId);
    }
}
