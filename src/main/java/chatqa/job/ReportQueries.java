package chatqa.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import chatqa.publish.DayReport;
import chatqa.publish.DayReport.AgentPage;
import chatqa.publish.DayReport.AgentRow;
import chatqa.publish.DayReport.Count;
import chatqa.publish.DayReport.DayPoint;
import chatqa.publish.DayReport.RuleRate;
import chatqa.publish.DayReport.RunFacts;
import chatqa.publish.DayReport.ScenarioRow;
import chatqa.publish.DayReport.Totals;
import chatqa.publish.SafeFileNames;
import chatqa.warehouse.Aggregate;
import chatqa.warehouse.Scorecards;
import chatqa.warehouse.Tables;
import chatqa.warehouse.WarehouseViews;

/**
 * Reads one day's report from the warehouse views ({@link chatqa.warehouse.WarehouseViews}) with
 * Spark SQL. Everything brought to the driver is bounded by agents × rules × days, never by the
 * number of messages: histograms are counted in SQL; the pages' evidence is {@link ReportEvidence}'s.
 */
final class ReportQueries {
    private final SparkSession spark;
    private final String day;

    ReportQueries(SparkSession spark, String day) {
        this.spark = spark;
        this.day = day;
    }

    DayReport read() {
        List<Integer> sla = slaTiers();
        List<Totals> shops = new ArrayList<>();
        List<DayReport.GroupRow> groups = new ArrayList<>();
        Totals team = totals(sla, shops, groups);
        List<AgentRow> agents = agents(sla);
        RuleRates rates = ruleRates();
        List<RuleRate> rules = rates.team();
        Map<String, List<RuleRate>> shopRules = rates.shops();
        Map<String, List<RuleRate>> agentRules = rates.agents();
        ReportSeries series = new ReportSeries(spark, day);
        Map<String, List<DayPoint>> agentTrends = series.agentTrends();
        Map<String, List<ScenarioRow>> agentScenarios = agentScenarios();
        SafeFileNames names = new SafeFileNames();
        List<AgentPage> pages = new ArrayList<>();
        java.util.Set<String> sharedIds = DayReport.idsInSeveralShops(agents);
        for (AgentRow a : agents) {
            String key = AgentPage.key(a.shopId(), a.agentId());
            String file = names.fileNameFor(sharedIds.contains(a.agentId()) ? a.shopId() + "__" + a.agentId() : a.agentId());
            pages.add(new AgentPage(a, file, agentRules.getOrDefault(key, List.of()),
                    shopRules.getOrDefault(a.shopId(), rules), agentTrends.getOrDefault(key, List.of()),
                    agentScenarios.getOrDefault(key, List.of()), List.of()));
        }
        return new DayReport(day, run(), team, shops, agents, rules, outcomes(), series.qaHistogram(), series.frtHistogram(), sla,
                series.teamTrend(), scenarios(), pages, groups, ReviewReportQueries.read(spark, day));
    }

    /**
     * The SLA tiers the day was scored with, as its run recorded them (runs.sla_seconds); none for a
     * day scored before runs kept them (re-score it to get its SLA figures).
     */
    private List<Integer> slaTiers() {
        if (!hasColumn(Tables.RUNS, "sla_seconds")) {
            return List.of();
        }
        List<Row> rows = sql("SELECT sla_seconds FROM runs WHERE dt = DATE'" + day + "' AND sla_seconds IS NOT NULL "
                + "ORDER BY finished_at DESC LIMIT 1");
        return rows.isEmpty() ? List.of() : rows.get(0).<Integer>getList(0).stream().sorted().toList();
    }

    private RunFacts run() {
        List<Row> rows = sql("SELECT run_id, cast(finished_at AS STRING) AS finished, chatqa_version, rule_book, rows_read, accepted, "
                + "quarantined, conversations, scored_conversations FROM runs WHERE dt = DATE'" + day + "' ORDER BY finished_at DESC LIMIT 1");
        if (rows.isEmpty()) {
            return new RunFacts("", "", "", "", 0, 0, 0, 0, 0);
        }
        Row r = rows.get(0);
        return new RunFacts(r.getAs("run_id"), r.getAs("finished"), r.getAs("chatqa_version"), r.getAs("rule_book"),
                n(r, "rows_read"), n(r, "accepted"), n(r, "quarantined"), n(r, "conversations"), n(r, "scored_conversations"));
    }

    /**
     * Day totals over agent parts, for the whole team (returned) and per shop (added to
     * {@code shops} in shop order), in one scan: grouping sets, told apart by grouping(), since a
     * shop id may itself be null.
     */
    private Totals totals(List<Integer> sla, List<Totals> shops, List<DayReport.GroupRow> groups) {
        boolean grouped = hasColumn(Tables.AGENT_SEGMENTS, "group_id");
        StringBuilder q = new StringBuilder("SELECT shop_id, grouping(shop_id) AS is_team, count(*) AS parts, ")
                .append(grouped ? "group_id, grouping(group_id) AS by_group, " : "NULL AS group_id, 1 AS by_group, ")
                .append("count(DISTINCT agent) AS agents, ");
        for (Aggregate a : List.of(Scorecards.QA_SCORE, Scorecards.FRT_P50, Scorecards.FRT_P90, Scorecards.GREETING_RATE,
                Scorecards.APOLOGY_RATE, Scorecards.CLOSING_RATE, Scorecards.RESOLVED_RATE, Scorecards.STARTED_NEGATIVE,
                Scorecards.RECOVERY_RATE, Scorecards.FATAL_COUNT)) {
            q.append(a.select()).append(", ");
        }
        // Days scored before the estimate existed have no such column.
        q.append(hasColumn(Tables.AGENT_SEGMENTS, "satisfaction_estimate") ? Scorecards.SATISFACTION.select()
                : "CAST(NULL AS DOUBLE) AS " + Scorecards.SATISFACTION.name()).append(", ");
        // Days scored before business hours have no such column.
        q.append(hasColumn(Tables.AGENT_SEGMENTS, Scorecards.OUT_OF_HOURS_TURNS.name())
                ? "coalesce(" + Scorecards.OUT_OF_HOURS_TURNS.sql() + ", 0L)" : "0L").append(" AS ").append(Scorecards.OUT_OF_HOURS_TURNS.name())
                .append(", ");
        q.append("coalesce(").append(Scorecards.RED_LINE_HITS.sql()).append(", 0) AS ").append(Scorecards.RED_LINE_HITS.name())
                .append(", avg(sentiment_start) AS sentiment_start, avg(sentiment_end) AS sentiment_end");
        for (int tier : sla) {
            q.append(", ").append(Scorecards.sla(tier).select());
        }
        boolean rated = hasColumn(Tables.AGENT_SEGMENTS, Scorecards.CSAT.name());
        // Spearman: Pearson's correlation of the average ranks (ties share theirs), among rated
        // parts with a QA score, within the shop for a shop's row and over all for the team's.
        q.append(", ").append(rated ? Scorecards.CSAT.select() : "CAST(NULL AS DOUBLE) AS csat")
                .append(", ").append(rated ? Scorecards.RATED_RATE.select() : "CAST(NULL AS DOUBLE) AS rated_rate")
                .append(", ").append(rated ? "count(csat)" : "0L").append(" AS rated")
                .append(", ").append(rated ? "CASE WHEN grouping(shop_id) = 1 THEN " + correlation("qa_rank_all", "csat_rank_all") + " "
                        + (grouped ? "WHEN grouping(group_id) = 0 THEN NULL " : "")
                        + "ELSE " + correlation("qa_rank_shop", "csat_rank_shop") + " END" : "CAST(NULL AS DOUBLE)")
                .append(" AS csat_qa_correlation");
        q.append(" FROM (SELECT s.*, coalesce(s.agent_id, '").append(Scorecards.UNKNOWN_AGENT).append("') AS agent, c.sentiment_start, ")
                .append("c.sentiment_end");
        if (rated) {
            for (String scope : List.of("shop", "all")) {
                String partition = "PARTITION BY " + (scope.equals("shop") ? "s.shop_id, " : "") + "(s.csat IS NOT NULL AND s.qa_score IS NOT NULL)";
                for (String v : List.of("qa_score", "csat")) {
                    String col = v.equals("qa_score") ? "qa" : "csat";
                    q.append(", CASE WHEN s.csat IS NOT NULL AND s.qa_score IS NOT NULL THEN (rank() OVER (").append(partition)
                            .append(" ORDER BY s.").append(v).append(") + count(*) OVER (").append(partition).append(") + 1 - rank() OVER (")
                            .append(partition).append(" ORDER BY s.").append(v).append(" DESC)) / 2.0 END AS ").append(col)
                            .append("_rank_").append(scope);
                }
            }
        }
        q.append(" FROM agent_segments s LEFT JOIN (SELECT conversation_id, sentiment_start, sentiment_end ")
                .append("FROM conversations WHERE dt = DATE'").append(day).append("') c ON s.conversation_id = c.conversation_id ")
                .append("WHERE s.dt = DATE'").append(day).append("')");
        // Skill groups within a shop too, when the exports name them.
        q.append(" GROUP BY GROUPING SETS ((shop_id), ").append(grouped ? "(shop_id, group_id), " : "")
                .append("()) ORDER BY is_team, shop_id, group_id");
        Totals team = null;
        for (Row r : sql(q.toString())) {
            boolean isTeam = ((Number) r.getAs("is_team")).intValue() == 1;
            Totals t = new Totals(isTeam ? null : r.getAs("shop_id"), n(r, "parts"), n(r, "agents"), d(r, Scorecards.QA_SCORE),
                    d(r, Scorecards.FRT_P50), d(r, Scorecards.FRT_P90), slaRates(r, sla), d(r, Scorecards.GREETING_RATE),
                    d(r, Scorecards.APOLOGY_RATE), d(r, Scorecards.CLOSING_RATE), d(r, Scorecards.RESOLVED_RATE),
                    n(r, Scorecards.STARTED_NEGATIVE.name()), d(r, Scorecards.RECOVERY_RATE), n(r, Scorecards.RED_LINE_HITS.name()),
                    n(r, Scorecards.FATAL_COUNT.name()), d(r, "sentiment_start"), d(r, "sentiment_end"), satisfaction(r), csat(r),
                    n(r, Scorecards.OUT_OF_HOURS_TURNS.name()));
            if (isTeam) {
                team = t;
            } else if (((Number) r.getAs("by_group")).intValue() == 1) {
                shops.add(t);
            } else if (r.getAs("group_id") != null) {
                groups.add(new DayReport.GroupRow(r.getAs("group_id"), t));
            }
        }
        if (team == null) {
            // No agent parts at all: grouping sets give no rows where a plain aggregate gave zeros.
            List<Double> none = new ArrayList<>(java.util.Collections.nCopies(sla.size(), (Double) null));
            team = new Totals(null, 0, 0, null, null, null, none, null, null, null, null, 0, null, 0, 0, null, null, null);
        }
        return team;
    }

    private static List<Double> slaRates(Row r, List<Integer> sla) {
        List<Double> rates = new ArrayList<>();
        for (int tier : sla) {
            rates.add(d(r, Aggregate.slaColumn(tier)));
        }
        return rates;
    }

    /** The day's scorecards with each agent's history and mean customer sentiment. */
    private List<AgentRow> agents(List<Integer> sla) {
        StringBuilder slaCols = new StringBuilder();
        for (int tier : sla) {
            slaCols.append(", a.").append(Aggregate.slaColumn(tier));
        }
        String q = """
                WITH days AS (SELECT DISTINCT dt FROM agent_scorecards WHERE dt < DATE'%1$s'),
                     prev AS (SELECT max(dt) AS dt FROM days),
                     week AS (SELECT dt FROM days ORDER BY dt DESC LIMIT 7),
                     p AS (SELECT h.shop_id, h.agent_id, h.qa_score FROM agent_scorecards h JOIN prev ON h.dt = prev.dt),
                     w AS (SELECT h.shop_id, h.agent_id, sum(h.qa_score * h.conversations) / sum(CASE WHEN h.qa_score IS NOT NULL THEN h.conversations END) AS qa
                           FROM agent_scorecards h JOIN week ON h.dt = week.dt GROUP BY h.shop_id, h.agent_id),
                     mood AS (SELECT s.shop_id, coalesce(s.agent_id, '%2$s') AS agent_id,
                                     avg(c.sentiment_start) AS sentiment_start, avg(c.sentiment_end) AS sentiment_end
                              FROM agent_segments s JOIN conversations c
                                ON s.conversation_id = c.conversation_id AND c.dt = DATE'%1$s'
                              WHERE s.dt = DATE'%1$s' GROUP BY 1, 2)
                SELECT a.shop_id, a.agent_id, a.rank, a.conversations, a.qa_score, p.qa_score AS previous_qa_score,
                       w.qa AS seven_day_qa_score,
                       a.frt_p50_s, a.frt_p90_s, a.greeting_rate, a.apology_rate, a.closing_rate, a.resolved_rate,
                       a.started_negative, a.recovery_rate, a.red_line_hits, a.fatal_count, %4$s, %5$s,
                       mood.sentiment_start, mood.sentiment_end%3$s, %6$s
                FROM agent_scorecards a
                LEFT JOIN p ON a.shop_id = p.shop_id AND a.agent_id = p.agent_id
                LEFT JOIN w ON a.shop_id = w.shop_id AND a.agent_id = w.agent_id
                LEFT JOIN mood ON a.shop_id = mood.shop_id AND a.agent_id = mood.agent_id
                WHERE a.dt = DATE'%1$s'
                ORDER BY a.shop_id, a.rank, a.agent_id""".formatted(day, Scorecards.UNKNOWN_AGENT, slaCols,
                hasColumn(Tables.AGENT_SCORECARDS, Scorecards.SATISFACTION.name()) ? "a." + Scorecards.SATISFACTION.name()
                        : "CAST(NULL AS DOUBLE) AS " + Scorecards.SATISFACTION.name(),
                hasColumn(Tables.AGENT_SCORECARDS, Scorecards.CSAT.name()) ? "a.csat, a.rated_rate"
                        : "CAST(NULL AS DOUBLE) AS csat, CAST(NULL AS DOUBLE) AS rated_rate",
                hasColumn(Tables.AGENT_SCORECARDS, Scorecards.AGENT_NAME.name()) ? "a." + Scorecards.AGENT_NAME.name()
                        : "CAST(NULL AS STRING) AS " + Scorecards.AGENT_NAME.name());
        List<AgentRow> out = new ArrayList<>();
        for (Row r : sql(q)) {
            out.add(new AgentRow(r.getAs("shop_id"), r.getAs("agent_id"), r.<Integer>getAs(Scorecards.RANK.name()),
                    n(r, Scorecards.CONVERSATIONS.name()), d(r, Scorecards.QA_SCORE), d(r, "previous_qa_score"), d(r, "seven_day_qa_score"),
                    d(r, Scorecards.FRT_P50), d(r, Scorecards.FRT_P90), slaRates(r, sla), d(r, Scorecards.GREETING_RATE),
                    d(r, Scorecards.APOLOGY_RATE), d(r, Scorecards.CLOSING_RATE), d(r, Scorecards.RESOLVED_RATE),
                    n(r, Scorecards.STARTED_NEGATIVE.name()), d(r, Scorecards.RECOVERY_RATE), n(r, Scorecards.RED_LINE_HITS.name()),
                    n(r, Scorecards.FATAL_COUNT.name()), d(r, "sentiment_start"), d(r, "sentiment_end"), satisfaction(r),
                    new DayReport.Csat(d(r, Scorecards.CSAT), d(r, Scorecards.RATED_RATE), 0, null),
                    r.getAs(Scorecards.AGENT_NAME.name())));
        }
        return out;
    }

    /** Rule pass rates for the day, per shop, and per shop and agent ("shop\0agent"), each list in rule-book-ish order. */
    private record RuleRates(List<RuleRate> team, Map<String, List<RuleRate>> shops, Map<String, List<RuleRate>> agents) {
    }

    /**
     * Checked and failed counts per shop, agent and rule in one scan of the day's checks; the
     * shop and team rates are their sums (a rule's category and description are the same for
     * every agent of a day, which one rule book scored). Lists are ordered by category, then id.
     */
    private RuleRates ruleRates() {
        // Days scored before rules had names show their ids.
        String name = hasColumn(Tables.RULE_HITS, "rule_name") ? "coalesce(first(rule_name), rule_id)" : "rule_id";
        String q = "SELECT shop_id, coalesce(agent_id, '" + Scorecards.UNKNOWN_AGENT + "') AS agent, rule_id, " + name + " AS rule_name, first(category) AS category, "
                + "first(description) AS description, count(*) AS checked, count_if(NOT passed) AS failed FROM rule_hits WHERE dt = DATE'" + day + "' "
                + "GROUP BY shop_id, coalesce(agent_id, '" + Scorecards.UNKNOWN_AGENT + "'), rule_id";
        Map<String, Map<String, RuleRate>> agents = new java.util.TreeMap<>();
        Map<String, Map<String, RuleRate>> shops = new java.util.TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        Map<String, RuleRate> team = new LinkedHashMap<>();
        for (Row r : sql(q)) {
            RuleRate rate = new RuleRate(r.getAs("rule_id"), r.getAs("rule_name"), r.getAs("category"), r.getAs("description"), n(r, "checked"), n(r, "failed"));
            String shop = r.getAs("shop_id");
            agents.computeIfAbsent(AgentPage.key(shop, r.getAs("agent")), k -> new LinkedHashMap<>()).merge(rate.ruleId(), rate, ReportQueries::sum);
            shops.computeIfAbsent(shop, k -> new LinkedHashMap<>()).merge(rate.ruleId(), rate, ReportQueries::sum);
            team.merge(rate.ruleId(), rate, ReportQueries::sum);
        }
        Map<String, List<RuleRate>> byShop = new LinkedHashMap<>();
        shops.forEach((shop, rates) -> byShop.put(shop, ordered(rates)));
        Map<String, List<RuleRate>> byAgent = new LinkedHashMap<>();
        agents.forEach((agent, rates) -> byAgent.put(agent, ordered(rates)));
        return new RuleRates(ordered(team), byShop, byAgent);
    }

    private static RuleRate sum(RuleRate a, RuleRate b) {
        return new RuleRate(a.ruleId(), a.name(), a.category(), a.description(), a.checked() + b.checked(), a.failed() + b.failed());
    }

    private static List<RuleRate> ordered(Map<String, RuleRate> rates) {
        return rates.values().stream().sorted(java.util.Comparator.comparing(RuleRate::category,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).thenComparing(RuleRate::ruleId)).toList();
    }

    /** The day's scenario mix over all shops; empty for days scored before scenarios existed. */
    private List<ScenarioRow> scenarios() {
        if (!hasColumn("conversations", "scenarios") || !hasColumn("rule_hits", "scenario")) {
            return List.of();
        }
        String q = """
                WITH c AS (SELECT qa_score, explode(scenarios) AS scenario FROM conversations WHERE dt = DATE'%1$s'),
                     total AS (SELECT count(*) AS n FROM conversations WHERE dt = DATE'%1$s'),
                     r AS (SELECT scenario, avg(CASE WHEN passed THEN 1D ELSE 0D END) AS compliance
                           FROM rule_hits WHERE dt = DATE'%1$s' AND scenario IS NOT NULL GROUP BY scenario)
                SELECT c.scenario, count(*) AS n, count(*) / first(total.n) AS share, avg(c.qa_score) AS qa_score,
                       first(r.compliance) AS compliance
                FROM c CROSS JOIN total LEFT JOIN r ON r.scenario = c.scenario
                GROUP BY c.scenario ORDER BY n DESC, c.scenario""".formatted(day);
        List<ScenarioRow> out = new ArrayList<>();
        for (Row r : sql(q)) {
            out.add(new ScenarioRow(r.getAs("scenario"), n(r, "n"), d(r, "share"), d(r, "qa_score"), d(r, "compliance")));
        }
        return out;
    }

    /** Each agent's scenario mix ({@code agent_scenarios}), keyed like the pages. */
    private Map<String, List<ScenarioRow>> agentScenarios() {
        Map<String, List<ScenarioRow>> out = new LinkedHashMap<>();
        if (!spark.catalog().tableExists("agent_scenarios")) {
            return out;
        }
        for (Row r : sql("SELECT shop_id, agent_id, scenario, conversations, share, qa_score, compliance FROM agent_scenarios "
                + "WHERE dt = DATE'" + day + "' ORDER BY shop_id, agent_id, conversations DESC, scenario")) {
            out.computeIfAbsent(AgentPage.key(r.getAs("shop_id"), r.getAs("agent_id")), k -> new ArrayList<>())
                    .add(new ScenarioRow(r.getAs("scenario"), n(r, "conversations"), d(r, "share"), d(r, "qa_score"), d(r, "compliance")));
        }
        return out;
    }

    private boolean hasColumn(String table, String column) {
        return WarehouseViews.hasColumn(spark, table, column);
    }

    private List<Count> outcomes() {
        List<Count> out = new ArrayList<>();
        for (Row r : sql("SELECT coalesce(outcome, 'unknown') AS outcome, count(*) AS n FROM conversations WHERE dt = DATE'" + day
                + "' GROUP BY 1 ORDER BY n DESC, 1")) {
            out.add(new Count(r.getAs("outcome"), n(r, "n")));
        }
        return out;
    }

    private List<Row> sql(String q) {
        return spark.sql(q).collectAsList();
    }

    /** Pearson's correlation that is null, not an ANSI division error, when either side does not vary. */
    private static String correlation(String x, String y) {
        return "covar_pop(" + x + ", " + y + ") / nullif(stddev_pop(" + x + ") * stddev_pop(" + y + "), 0D)";
    }

    /** The ratings of a totals row; the correlation only from enough rated parts to mean something. */
    private static DayReport.Csat csat(Row r) {
        long rated = n(r, "rated");
        Double correlation = rated >= DayReport.Csat.MIN_RATED_FOR_CORRELATION ? d(r, "csat_qa_correlation") : null;
        return new DayReport.Csat(d(r, Scorecards.CSAT), d(r, Scorecards.RATED_RATE), rated, correlation);
    }

    private static Double satisfaction(Row r) {
        return d(r, Scorecards.SATISFACTION);
    }

    static Double d(Row r, Aggregate column) {
        return d(r, column.name());
    }

    static Double d(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    static long n(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
