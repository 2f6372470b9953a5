package chatqa.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

import chatqa.ingest.EncodingSniffer;
import chatqa.sample.SyntheticConversation.Scenario;

/**
 * Generates a realistic, deterministic day of exports for two shops: shop A exports canonical
 * CSV with conversation ids (and re-sends part of its export, as real shops do), shop B exports
 * JSON Lines without conversation ids, so its chats must be sessionized. A third, small legacy
 * desk export is GBK-encoded TSV with role codes, read through a mapping. Each file has a few
 * bad rows of the kinds real exports contain.
 */
public final class SampleDay {
    /** At least this many handbook-scenario conversations per shop pair, so every scenario appears in a small day. */
    private static final int HANDBOOK_MIN = 7;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> HEADER = List.of("conversation_id", "message_id", "sent_at", "sender_role",
            "agent_id", "customer_id", "shop_id", "text");

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

    public SampleDay(LocalDate day, ZoneId zone, long seed) {
        this.day = day;
        this.zone = zone;
        this.rnd = new Random(seed);
        this.scenarioRnd = new Random(seed * 31 + 17);
    }

    /** Counts of what was written. */
    public record Written(List<Path> files, int conversations, int messages, int badRows) {
    }

    public Written write(Path dir, int conversations) throws IOException {
        Path dayDir = dir.resolve(day.toString());
        Files.createDirectories(dayDir);
        List<AgentProfile> shopA = agents("shop-a", 5);
        List<AgentProfile> shopB = agents("shop-b", 3);
        int forA = conversations * 3 / 5;
        List<SampleConversation> a = conversations(shopA, forA, false);
        List<SampleConversation> b = conversations(shopB, conversations - forA, true);

        List<Path> files = new ArrayList<>();
        int bad = 0;
        // A quarter more conversations of the handbook scenarios, appended to each shop's export.
        int handbook = Math.max(HANDBOOK_MIN, conversations / 4);
        List<SampleConversation> aAll = new ArrayList<>(a);
        aAll.addAll(handbookConversations(shopA, handbook * 3 / 5, 0));
        List<SampleConversation> bAll = new ArrayList<>(b);
        bAll.addAll(handbookConversations(shopB, handbook - handbook * 3 / 5, handbook * 3 / 5));

        Path csv = dayDir.resolve("shop-a-chats.csv");
        bad += writeCsv(csv, aAll, 1, "shop-a", true);
        files.add(csv);
        Path resend = dayDir.resolve("shop-a-chats-resend.csv");
        // Shop A sends the last 5 % of its first stream a second time: those rows are duplicates.
        int resent = Math.max(1, a.size() / 20);
        writeCsv(resend, a.subList(a.size() - resent, a.size()), a.size() - resent + 1, "shop-a", false);
        files.add(resend);
        Path jsonl = dayDir.resolve("shop-b-app.jsonl");
        bad += JsonLinesSample.write(jsonl, bAll, "shop-b");
        files.add(jsonl);
        Path legacy = dir.resolve("legacy-gbk").resolve("desk-export-" + day + ".tsv");
        writeLegacyGbk(legacy, conversations(agents("shop-c", 2), Math.max(4, conversations / 30), true));
        files.add(legacy);
        a = aAll;
        b = bAll;
        int messages = a.stream().mapToInt(c -> c.messages().size()).sum() + b.stream().mapToInt(c -> c.messages().size()).sum();
        return new Written(files, a.size() + b.size(), messages, bad);
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

    private List<SampleConversation> conversations(List<AgentProfile> agents, int n, boolean returningCustomers) {
        List<SampleConversation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AgentProfile agent = agents.get(rnd.nextInt(agents.size()));
            AgentProfile other = agents.get((agents.indexOf(agent) + 1) % agents.size());
            Instant start = startTime(i, n);
            List<ScriptedMessage> c = new SyntheticConversation(phrases, rnd, start, agent).script(scenario(), other);
            out.add(new SampleConversation(c, false));
            if (returningCustomers && rnd.nextDouble() < 0.1) {
                // The same customer comes back hours later: a second conversation, split by the inactivity gap.
                Instant later = c.get(c.size() - 1).at().plusSeconds(3600 + rnd.nextInt(7200));
                out.add(new SampleConversation(new SyntheticConversation(phrases, rnd, later, agent).script(scenario(), other), true));
            }
        }
        return out;
    }

    /**
     * Conversations of the handbook scenarios from the second stream, taking the scenarios in turn from
     * {@code first}, so that the two shops together have each of them.
     */
    private List<SampleConversation> handbookConversations(List<AgentProfile> agents, int n, int first) {
        List<SampleConversation> out = new ArrayList<>();
        List<Scenario> kinds = SyntheticConversation.HANDBOOK;
        for (int i = 0; i < n; i++) {
            AgentProfile agent = agents.get(scenarioRnd.nextInt(agents.size()));
            Instant start = day.atStartOfDay(zone).plusSeconds(8 * 3600 + scenarioRnd.nextInt(15 * 3600)).toInstant();
            Scenario kind = kinds.get((first + i) % kinds.size());
            out.add(new SampleConversation(new SyntheticConversation(phrases, scenarioRnd, start, agent).script(kind, agent), false));
        }
        return out;
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

    private String local(Instant t) {
        return LocalDateTime.ofInstant(t, zone).format(LOCAL);
    }

    /** Canonical CSV, conversations numbered from {@code firstNumber}; the main file also gets bad rows. Returns the bad rows written. */
    private int writeCsv(Path file, List<SampleConversation> conversations, int firstNumber, String shop, boolean withBadRows)
            throws IOException {
        int bad = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             ICSVWriter csv = new CSVWriter(w, ',', '"', '"', "\n")) {
            csv.writeNext(HEADER.toArray(new String[0]), false);
            int convNo = firstNumber - 1;
            for (SampleConversation c : conversations) {
                convNo++;
                String convId = shop.toUpperCase() + "-" + day.toString().replace("-", "") + "-" + String.format("%04d", convNo);
                String customer = "c" + (10000 + Math.abs((convId.hashCode() * 31) % 90000));
                int seq = 0;
                for (ScriptedMessage m : c.messages()) {
                    seq++;
                    String time = seq % 7 == 0 ? m.at().atZone(zone).toOffsetDateTime().toString() : local(m.at());
                    csv.writeNext(new String[] {convId, convId + "-" + seq, time, m.role().code(),
                            m.agentId() == null ? "" : m.agentId(), customer, shop, m.text()}, false);
                }
                if (withBadRows && convNo % 40 == 7) {
                    bad += writeBadCsvRows(w, csv, convId, customer, shop, convNo);
                }
            }
        }
        return bad;
    }

    private int writeBadCsvRows(Writer w, ICSVWriter csv, String convId, String customer, String shop, int n) throws IOException {
        String t = day + " 12:00:00";
        csv.writeNext(new String[] {convId, convId + "-bad1", day + " 25:61:00", "customer", "", customer, shop, "在吗"}, false);
        csv.writeNext(new String[] {convId, convId + "-bad2", t, "主管", "sup-1", customer, shop, "我来看看"}, false);
        csv.writeNext(new String[] {convId, convId + "-bad3", t, "customer", "", customer, shop, ""}, false);
        csv.writeNext(new String[] {convId, convId + "-bad4", t, "agent", "x", customer, shop, "多了一列", "extra"}, false);
        csv.flush();
        if (n % 80 == 7) {
            // A stray opening quote that never closes on its line.
            w.write(convId + "," + convId + "-bad5," + t + ",customer,," + customer + "," + shop + ",\"你好，我想问下\n");
            return 5;
        }
        return 4;
    }

    /** A headerless GBK TSV from an old desk tool: time, customer, role code, agent, text. */
    private void writeLegacyGbk(Path file, List<SampleConversation> conversations) throws IOException {
        Files.createDirectories(file.getParent());
        Charset gbk = EncodingSniffer.GBK;
        try (Writer w = Files.newBufferedWriter(file, gbk)) {
            int n = 0;
            for (SampleConversation c : conversations) {
                n += c.sameCustomerAsPrevious() ? 0 : 1;
                String customer = "desk" + (500 + n);
                for (ScriptedMessage m : c.messages()) {
                    String code = switch (m.role()) {
                        case CUSTOMER -> "1";
                        case AGENT -> "2";
                        case BOT -> "3";
                        case SYSTEM -> "4";
                    };
                    String text = m.text().replace('\t', ' ').replace('\n', ' ');
                    w.write(LocalDateTime.ofInstant(m.at(), zone).format(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss"))
                            + "\t" + customer + "\t" + code + "\t" + (m.agentId() == null ? "" : m.agentId()) + "\t" + text + "\n");
                }
            }
        }
    }
}
