package chatqa.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import chatqa.sample.SyntheticConversation.Scenario;

/**
 * Generates a realistic, deterministic day of exports for two shops: shop A exports canonical
 * CSV with conversation ids (and re-sends part of its export, as real shops do), shop B exports
 * JSON Lines without conversation ids, so its chats must be sessionized. A third, small legacy
 * desk export is GBK-encoded TSV with role codes, read through a mapping. Each file has a few
 * bad rows of the kinds real exports contain. The sample day's conversations are short (about 8
 * messages); follow-up exchanges make them as long as a busy shop's (about 20 with 7 follow-ups).
 */
public final class SampleDay {
    /** At least this many handbook-scenario conversations per shop pair, so every scenario appears in a small day. */
    private static final int HANDBOOK_MIN = 7;
    /** At least this many order follow-ups (order number given, asked again, chased again). */
    private static final int ORDER_MIN = 6;
    private final Phrases phrases = new Phrases();
    private final ZoneId zone;
    private final LocalDate day;
    private final Random rnd;
    /**
     * A second stream for the handbook-scenario conversations (bargaining, payment, delivery, quality,
     * returns, usage, other), so the first stream's conversations — and the labelled messages that
     * point at them by id — stay exactly as earlier versions wrote them.
     */
    private final Random scenarioRnd;
    /** A third stream, for the order follow-ups appended after shop B's handbook conversations, for the same reason. */
    private final Random orderRnd;
    private final double followUps;

    public SampleDay(LocalDate day, ZoneId zone, long seed) {
        this(day, zone, seed, 0);
    }

    /** {@code followUps}: mean number of extra question-and-answer exchanges per answered conversation. */
    public SampleDay(LocalDate day, ZoneId zone, long seed, double followUps) {
        this.day = day;
        this.zone = zone;
        this.rnd = new Random(seed);
        this.scenarioRnd = new Random(seed * 31 + 17);
        this.orderRnd = new Random(seed * 53 + 29);
        this.followUps = followUps;
    }

    /** Counts of what was written. */
    public record Written(List<Path> files, int conversations, int messages, int badRows) {
    }

    /** The first file a day's {@link #write} would replace under {@code dir}, or null when none exists. */
    public static Path firstExisting(Path dir, LocalDate day) {
        return files(dir, day).stream().filter(Files::exists).findFirst().orElse(null);
    }

    /** The files of one day: shop A's CSV and its re-sent tail, shop B's JSON Lines, shop C's GBK desk export. */
    private static List<Path> files(Path dir, LocalDate day) {
        Path dayDir = dir.resolve(day.toString());
        return List.of(dayDir.resolve("shop-a-chats.csv"), dayDir.resolve("shop-a-chats-resend.csv"),
                dayDir.resolve("shop-b-app.jsonl"), dir.resolve("legacy-gbk").resolve("desk-export-" + day + ".tsv"));
    }

    /**
     * Writes the day under {@code dir}. Conversations go to their file as soon as they are
     * generated, so memory stays flat however many are asked for.
     */
    public Written write(Path dir, int conversations) throws IOException {
        Path dayDir = dir.resolve(day.toString());
        Files.createDirectories(dayDir);
        int forA = conversations * 3 / 5;
        int forB = conversations - forA;
        // About 120 conversations per agent and day, at least the sample day's 5 and 3 agents.
        List<AgentProfile> shopA = agents("shop-a", Math.max(5, forA / 120));
        List<AgentProfile> shopB = agents("shop-b", Math.max(3, forB / 120));
        // Shop A sends the last 5 % of its export a second time: those rows are duplicates.
        int resent = Math.max(1, forA / 20);
        List<Path> files = files(dir, day);
        Path csv = files.get(0);
        Path resend = files.get(1);
        Path jsonl = files.get(2);
        Path legacy = files.get(3);
        Count count = new Count();
        int bad = 0;
        // A quarter more conversations of the handbook scenarios, appended to each shop's export
        // (not to shop A's resend, which repeats the end of its first stream).
        int handbook = Math.max(HANDBOOK_MIN, conversations / 4);
        int handbookA = handbook * 3 / 5;
        try (CsvSample main = new CsvSample(csv, day, zone, "shop-a", 1, true);
             CsvSample again = new CsvSample(resend, day, zone, "shop-a", forA - resent + 1, false)) {
            conversations(shopA, forA, false, c -> {
                count.add(c);
                main.write(c);
                if (count.conversations > forA - resent) {
                    again.write(c);
                }
            });
            handbookConversations(shopA, handbookA, 0, c -> {
                count.add(c);
                main.write(c);
            });
            bad += main.badRows();
        }
        try (JsonLinesSample b = new JsonLinesSample(jsonl, "shop-b")) {
            conversations(shopB, forB, true, c -> {
                count.add(c);
                b.write(c);
            });
            handbookConversations(shopB, handbook - handbookA, handbookA, c -> {
                count.add(c);
                b.write(c);
            });
            for (int i = 0; i < Math.max(ORDER_MIN, conversations / 40); i++) {
                AgentProfile agent = shopB.get(orderRnd.nextInt(shopB.size()));
                Instant start = day.atStartOfDay(zone).plusSeconds(9 * 3600 + orderRnd.nextInt(12 * 3600)).toInstant();
                SampleConversation c = new SampleConversation(new SyntheticConversation(phrases, orderRnd, start, agent, 0)
                        .script(SyntheticConversation.Scenario.ORDER_FOLLOW_UP, agent), false);
                count.add(c);
                b.write(c);
            }
            bad += b.badRows();
        }
        try (LegacyGbkSample desk = new LegacyGbkSample(legacy, zone)) {
            conversations(agents("shop-c", 2), Math.max(4, conversations / 30), true, desk::write);
        }
        return new Written(List.of(csv, resend, jsonl, legacy), count.conversations, count.messages, bad);
    }

    /** Conversations and messages of shops A and B (not the resend, not the legacy desk). */
    private static final class Count {
        int conversations;
        int messages;

        void add(SampleConversation c) {
            conversations++;
            messages += c.messages().size();
        }
    }

    private List<AgentProfile> agents(String shop, int n) {
        List<AgentProfile> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int number = 8 + i * 3 + (shop.hashCode() & 3);
            // Agent 0 of each shop is a model agent, the last one the shop's weakest.
            double skill = n == 1 ? 0.8 : 0.95 - 0.55 * i / (n - 1);
            out.add(new AgentProfile(shop + "-agent" + number, shop, number, skill, skill, skill * 0.9,
                    4 + (1 - skill) * 50, i == n - 1 ? 0.06 : 0.004));
        }
        return out;
    }

    private void conversations(List<AgentProfile> agents, int n, boolean returningCustomers, ConversationSink sink)
            throws IOException {
        for (int i = 0; i < n; i++) {
            int a = rnd.nextInt(agents.size());
            AgentProfile agent = agents.get(a);
            AgentProfile other = agents.get((a + 1) % agents.size());
            Instant start = startTime(i, n);
            List<ScriptedMessage> c = script(start, agent, other);
            sink.write(new SampleConversation(c, false));
            if (returningCustomers && rnd.nextDouble() < 0.1) {
                // The same customer comes back hours later: a second conversation, split by the inactivity gap.
                Instant later = c.get(c.size() - 1).at().plusSeconds(3600 + rnd.nextInt(7200));
                sink.write(new SampleConversation(script(later, agent, other), true));
            }
        }
    }

    /**
     * Conversations of the handbook scenarios from the second stream, taking the scenarios in turn from
     * {@code first}, so that the two shops together have each of them.
     */
    private void handbookConversations(List<AgentProfile> agents, int n, int first, ConversationSink sink) throws IOException {
        List<Scenario> kinds = SyntheticConversation.HANDBOOK;
        for (int i = 0; i < n; i++) {
            AgentProfile agent = agents.get(scenarioRnd.nextInt(agents.size()));
            Instant start = day.atStartOfDay(zone).plusSeconds(8 * 3600 + scenarioRnd.nextInt(15 * 3600)).toInstant();
            Scenario kind = kinds.get((first + i) % kinds.size());
            sink.write(new SampleConversation(new SyntheticConversation(phrases, scenarioRnd, start, agent, 0).script(kind, agent), false));
        }
    }

    private List<ScriptedMessage> script(Instant start, AgentProfile agent, AgentProfile other) {
        return new SyntheticConversation(phrases, rnd, start, agent, followUps).script(scenario(), other);
    }

    private interface ConversationSink {
        void write(SampleConversation c) throws IOException;
    }

    private Instant startTime(int i, int n) {
        if (i >= n - 3) {
            // The last few start just before midnight and cross it.
            return day.atTime(23, 57).plusSeconds(rnd.nextInt(150)).atZone(zone).toInstant();
        }
        int second = 8 * 3600 + rnd.nextInt(15 * 3600);
        return day.atStartOfDay(zone).plusSeconds(second).toInstant();
    }

    private Scenario scenario() {
        double r = rnd.nextDouble();
        double[] upTo = {0.20, 0.36, 0.55, 0.70, 0.80, 0.87, 0.92, 0.96};
        Scenario[] order = {Scenario.PRESALES, Scenario.SALE, Scenario.LATE_PARCEL, Scenario.BROKEN_ITEM,
                Scenario.TRANSFER, Scenario.ESCALATION, Scenario.SILENT_UNHAPPY, Scenario.UNANSWERED};
        for (int i = 0; i < upTo.length; i++) {
            if (r < upTo[i]) {
                return order[i];
            }
        }
        return Scenario.BOT_ONLY;
    }
}
