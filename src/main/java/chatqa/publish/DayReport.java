package chatqa.publish;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the supervisor report of one day shows, read from the warehouse: plain values, so
 * the HTML and the charts are built and tested without Spark. Rates are shares in [0, 1], null
 * when nothing was due; durations are seconds.
 *
 * @param day          the scored day, YYYY-MM-DD
 * @param run          the run that wrote the day
 * @param team         the day's totals over every agent part
 * @param shops        the same totals per shop
 * @param agents       one row per shop and agent, in shop and rank order
 * @param rules        every rule checked that day, over all agents
 * @param outcomes     conversations per outcome, most frequent first
 * @param qaHistogram  agent parts per QA-score band
 * @param frtHistogram first responses per time band (log-spaced)
 * @param slaSeconds   the rule book's SLA tiers, for markers on the FRT chart
 * @param teamTrend    the team's last scored days up to and including {@code day}, oldest first
 * @param scenarios    the day's scenario mix and compliance with each scenario's rules
 * @param pages        one page per agent row, same order as {@code agents}
 * @param groups       per shop and skill group, when the exports name groups; else empty
 * @param review       what the QA team's reviews say ({@link ReviewFacts#NONE} without reviews)
 */
public record DayReport(
        String day,
        RunFacts run,
        Totals team,
        List<Totals> shops,
        List<AgentRow> agents,
        List<RuleRate> rules,
        List<Count> outcomes,
        List<Bin> qaHistogram,
        List<Bin> frtHistogram,
        List<Integer> slaSeconds,
        List<DayPoint> teamTrend,
        List<ScenarioRow> scenarios,
        List<AgentPage> pages,
        List<GroupRow> groups,
        ReviewFacts review) {

    /** A report without skill groups. */
    public DayReport(String day, RunFacts run, Totals team, List<Totals> shops, List<AgentRow> agents, List<RuleRate> rules,
                     List<Count> outcomes, List<Bin> qaHistogram, List<Bin> frtHistogram, List<Integer> slaSeconds,
                     List<DayPoint> teamTrend, List<ScenarioRow> scenarios, List<AgentPage> pages) {
        this(day, run, team, shops, agents, rules, outcomes, qaHistogram, frtHistogram, slaSeconds, teamTrend, scenarios, pages, List.of(),
                ReviewFacts.NONE);
    }

    /** One skill group's totals in its shop ({@code totals.shopId()}). */
    public record GroupRow(String groupId, Totals totals) {
    }

    /** The run that wrote the day ({@code runs} table). */
    public record RunFacts(String runId, String finishedAt, String version, String ruleBook, long rowsRead,
                           long accepted, long quarantined, long conversations, long scoredConversations) {
    }

    /**
     * Totals over agent parts ({@code agent_segments}): the team's or one shop's ({@code shopId}).
     *
     * @param slaRates share of measured first responses within each SLA tier, same order as the tiers
     * @param outOfHoursTurns customer turns that began while the shop was closed (business hours)
     */
    public record Totals(String shopId, long parts, long agents, Double qaScore, Double frtP50, Double frtP90,
                         List<Double> slaRates, Double greetingRate, Double apologyRate, Double closingRate,
                         Double resolvedRate, long startedNegative, Double recoveryRate, long redLineHits,
                         long fatal, Double sentimentStart, Double sentimentEnd, Double satisfaction, Csat csat,
                         long outOfHoursTurns) {
        public Totals {
            slaRates = Collections.unmodifiableList(new ArrayList<>(slaRates)); // a rate is null when nothing was measured
            csat = csat == null ? Csat.NONE : csat;
        }

        /** Totals of a day without customer ratings. */
        public Totals(String shopId, long parts, long agents, Double qaScore, Double frtP50, Double frtP90,
                      List<Double> slaRates, Double greetingRate, Double apologyRate, Double closingRate,
                      Double resolvedRate, long startedNegative, Double recoveryRate, long redLineHits,
                      long fatal, Double sentimentStart, Double sentimentEnd, Double satisfaction) {
            this(shopId, parts, agents, qaScore, frtP50, frtP90, slaRates, greetingRate, apologyRate, closingRate, resolvedRate,
                    startedNegative, recoveryRate, redLineHits, fatal, sentimentStart, sentimentEnd, satisfaction, Csat.NONE, 0);
        }

        /** Share of parts without a fatal (red-line) failure. */
        public Double redLineFreeRate() {
            return parts == 0 ? null : 1.0 - (double) fatal / parts;
        }
    }

    /**
     * One agent's day ({@code agent_scorecards}) with their history.
     *
     * @param previousQaScore  the agent's QA score on the previous scored day, null when absent that day
     * @param sevenDayQaScore  the agent's QA score over the 7 scored days before, weighted by parts
     * @param sentimentStart   mean customer sentiment at the start of the agent's conversations
     * @param sentimentEnd     mean customer sentiment at their end
     * @param agentName        the export's display name for the agent, null when it has none
     */
    public record AgentRow(String shopId, String agentId, int rank, long conversations, Double qaScore,
                           Double previousQaScore, Double sevenDayQaScore, Double frtP50, Double frtP90,
                           List<Double> slaRates, Double greetingRate, Double apologyRate, Double closingRate,
                           Double resolvedRate, long startedNegative, Double recoveryRate, long redLineHits,
                           long fatal, Double sentimentStart, Double sentimentEnd, Double satisfaction, Csat csat,
                           String agentName) {
        public AgentRow {
            slaRates = Collections.unmodifiableList(new ArrayList<>(slaRates)); // a rate is null when nothing was measured
            csat = csat == null ? Csat.NONE : csat;
        }

        /** An agent's day without a display name. */
        public AgentRow(String shopId, String agentId, int rank, long conversations, Double qaScore,
                        Double previousQaScore, Double sevenDayQaScore, Double frtP50, Double frtP90,
                        List<Double> slaRates, Double greetingRate, Double apologyRate, Double closingRate,
                        Double resolvedRate, long startedNegative, Double recoveryRate, long redLineHits,
                        long fatal, Double sentimentStart, Double sentimentEnd, Double satisfaction, Csat csat) {
            this(shopId, agentId, rank, conversations, qaScore, previousQaScore, sevenDayQaScore, frtP50, frtP90, slaRates,
                    greetingRate, apologyRate, closingRate, resolvedRate, startedNegative, recoveryRate, redLineHits, fatal,
                    sentimentStart, sentimentEnd, satisfaction, csat, null);
        }

        /** An agent's day without customer ratings or a display name. */
        public AgentRow(String shopId, String agentId, int rank, long conversations, Double qaScore,
                        Double previousQaScore, Double sevenDayQaScore, Double frtP50, Double frtP90,
                        List<Double> slaRates, Double greetingRate, Double apologyRate, Double closingRate,
                        Double resolvedRate, long startedNegative, Double recoveryRate, long redLineHits,
                        long fatal, Double sentimentStart, Double sentimentEnd, Double satisfaction) {
            this(shopId, agentId, rank, conversations, qaScore, previousQaScore, sevenDayQaScore, frtP50, frtP90, slaRates,
                    greetingRate, apologyRate, closingRate, resolvedRate, startedNegative, recoveryRate, redLineHits, fatal,
                    sentimentStart, sentimentEnd, satisfaction, Csat.NONE, null);
        }

        /** What supervisors read for the agent: the export's display name, else the id. */
        public String displayName() {
            return agentName == null || agentName.isBlank() ? agentId : agentName;
        }

        /** The id, for the small print beside a display name; null when the agent is shown by the id. */
        public String idBesideName() {
            return displayName().equals(agentId) ? null : agentId;
        }

        /** Share of parts without a fatal (red-line) failure. */
        public Double redLineFreeRate() {
            return conversations == 0 ? null : 1.0 - (double) fatal / conversations;
        }
    }

    /**
     * What customers rated: mean CSAT (1–5) of the rated parts, the share of parts rated, and the
     * Spearman correlation of the parts' QA score with their CSAT (null below
     * {@link #MIN_RATED_FOR_CORRELATION} rated parts) — does the QA score predict what customers rate?
     */
    public record Csat(Double mean, Double ratedRate, long rated, Double qaCorrelation) {
        public static final Csat NONE = new Csat(null, null, 0, null);
        public static final int MIN_RATED_FOR_CORRELATION = 10;
    }

    /** Agent ids that have a scorecard in more than one shop: their pages name the shop too. */
    public static Set<String> idsInSeveralShops(List<AgentRow> agents) {
        Map<String, Long> shops = agents.stream().collect(Collectors.groupingBy(AgentRow::agentId, Collectors.counting()));
        return shops.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /**
     * A label per agent for charts, which merge equal category labels: the display name, with the
     * id beside it where two agents share a name, and the shop before it where an id is in several shops.
     */
    public static Map<AgentRow, String> chartLabels(List<AgentRow> agents) {
        Set<String> sharedIds = idsInSeveralShops(agents);
        Map<String, Long> names = agents.stream().collect(Collectors.groupingBy(AgentRow::displayName, Collectors.counting()));
        Map<AgentRow, String> out = new java.util.LinkedHashMap<>();
        for (AgentRow a : agents) {
            String label = a.displayName();
            if (names.get(label) > 1 && a.idBesideName() != null) {
                label += " (" + a.agentId() + ")";
            }
            out.put(a, sharedIds.contains(a.agentId()) ? a.shopId() + "/" + label : label);
        }
        return out;
    }

    /** How often a rule was checked and failed (over the team, or one agent). */
    public record RuleRate(String ruleId, String name, String category, String description, long checked, long failed) {
        /** What people read: the rule book's name, or the id when it gives none. */
        public String shownName() {
            return shownName(name, ruleId);
        }

        /** A rule as people read it: the rule book's name, or the id when it gives none. */
        public static String shownName(String name, String ruleId) {
            return name == null || name.isBlank() ? ruleId : name;
        }

        public double passRate() {
            return checked == 0 ? 0 : 1.0 - (double) failed / checked;
        }
    }

    public record Count(String name, long count) {
    }

    /** A histogram band {@code [lower, upper)}; upper is null for the open last band. */
    public record Bin(double lower, Double upper, long count) {
    }

    /**
     * A scenario's conversations (or an agent's parts) that day, their share, mean QA score, and
     * the share of the scenario's rule checks passed (null when no scenario rule applied).
     */
    public record ScenarioRow(String scenario, long conversations, Double share, Double qaScore, Double compliance) {
    }

    /** One scored day of the team or of an agent. */
    public record DayPoint(String day, long conversations, Double qaScore, Double greetingRate, Double apologyRate,
                           Double closingRate) {
    }

    /**
     * A failed check shown as evidence: the message it concerns (raw text: masked when rendered),
     * the matched span of that text when there is one, and the customer message before it.
     */
    public record Failure(String ruleId, String conversationId, int messageSeq, String sentAt, String role,
                          String text, Integer spanStart, Integer spanEnd, String evidence, int points,
                          boolean fatal, String previousCustomerText) {
    }

    /**
     * The agent page: the agent's rules vs their shop's team, their trend, and the evidence of
     * failed checks ({@code failures} may hold only the first few per rule; {@code rules} has the
     * full counts).
     */
    public record AgentPage(AgentRow agent, String fileName, List<RuleRate> rules, List<RuleRate> teamRules,
                            List<DayPoint> trend, List<ScenarioRow> scenarios, List<Failure> failures) {
        /** The page's agent: shop and agent id (an agent id may recur in several shops). */
        public String key() {
            return key(agent.shopId(), agent.agentId());
        }

        public static String key(String shopId, String agentId) {
            return shopId + "\u0000" + agentId;
        }

        public AgentPage withFailures(List<Failure> found) {
            return new AgentPage(agent, fileName, rules, teamRules, trend, scenarios, found);
        }
    }
}
