package chatqa.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

/**
 * Shop A's export: canonical CSV with conversation and message ids, local timestamps (every
 * seventh with an offset). The main file also gets the bad rows real exports contain: a bad
 * timestamp, an unknown role, an empty text, an extra column and now and then a stray quote.
 */
final class CsvSample implements ConversationWriter {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] HEADER = {"conversation_id", "message_id", "sent_at", "sender_role", "agent_id",
            "customer_id", "shop_id", "text"};

    private final Writer w;
    private final ICSVWriter csv;
    private final LocalDate day;
    private final ZoneId zone;
    private final String shop;
    private final boolean withBadRows;
    private int convNo;
    private int bad;

    /** Conversations are numbered from {@code firstNumber}. */
    CsvSample(Path file, LocalDate day, ZoneId zone, String shop, int firstNumber, boolean withBadRows) throws IOException {
        this.w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.csv = new CSVWriter(w, ',', '"', '"', "\n");
        this.day = day;
        this.zone = zone;
        this.shop = shop;
        this.withBadRows = withBadRows;
        this.convNo = firstNumber - 1;
        csv.writeNext(HEADER, false);
    }

    @Override
    public void write(SampleConversation c) throws IOException {
        convNo++;
        String convId = shop.toUpperCase() + "-" + day.toString().replace("-", "") + "-" + String.format("%04d", convNo);
        String customer = "c" + (10000 + Math.abs((convId.hashCode() * 31) % 90000));
        int seq = 0;
        for (ScriptedMessage m : c.messages()) {
            seq++;
            String time = seq % 7 == 0 ? m.at().atZone(zone).toOffsetDateTime().toString()
                    : LocalDateTime.ofInstant(m.at(), zone).format(LOCAL);
            csv.writeNext(new String[] {convId, convId + "-" + seq, time, m.role().code(),
                    m.agentId() == null ? "" : m.agentId(), customer, shop, m.text()}, false);
        }
        if (withBadRows && convNo % 40 == 7) {
            bad += writeBadRows(convId, customer);
        }
    }

    private int writeBadRows(String convId, String customer) throws IOException {
        String t = day + " 12:00:00";
        csv.writeNext(new String[] {convId, convId + "-bad1", day + " 25:61:00", "customer", "", customer, shop, "在吗"}, false);
        csv.writeNext(new String[] {convId, convId + "-bad2", t, "主管", "sup-1", customer, shop, "我来看看"}, false);
        csv.writeNext(new String[] {convId, convId + "-bad3", t, "customer", "", customer, shop, ""}, false);
        csv.writeNext(new String[] {convId, convId + "-bad4", t, "agent", "x", customer, shop, "多了一列", "extra"}, false);
        csv.flush();
        if (convNo % 80 == 7) {
            // A stray opening quote that never closes on its line.
            w.write(convId + "," + convId + "-bad5," + t + ",customer,," + customer + "," + shop + ",\"你好，我想问下\n");
            return 5;
        }
        return 4;
    }

    @Override
    public int badRows() {
        return bad;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
