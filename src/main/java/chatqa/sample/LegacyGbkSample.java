package chatqa.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import chatqa.ingest.FileEncoding;

/** A headerless GBK TSV from an old desk tool: time, customer, role code, agent, text. */
final class LegacyGbkSample implements ConversationWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final Writer w;
    private final ZoneId zone;
    private int customerNo;

    LegacyGbkSample(Path file, ZoneId zone) throws IOException {
        Files.createDirectories(file.getParent());
        this.w = Files.newBufferedWriter(file, FileEncoding.GB18030.charset());
        this.zone = zone;
    }

    @Override
    public void write(SampleConversation c) throws IOException {
        customerNo += c.sameCustomerAsPrevious() ? 0 : 1;
        String customer = "desk" + (500 + customerNo);
        for (ScriptedMessage m : c.messages()) {
            String code = switch (m.role()) {
                case CUSTOMER -> "1";
                case AGENT -> "2";
                case BOT -> "3";
                case SYSTEM -> "4";
            };
            String text = m.text().replace('\t', ' ').replace('\n', ' ');
            w.write(LocalDateTime.ofInstant(m.at(), zone).format(TIME) + "\t" + customer + "\t" + code + "\t"
                    + (m.agentId() == null ? "" : m.agentId()) + "\t" + text + "\n");
        }
    }

    @Override
    public int badRows() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        w.close();
    }
}
