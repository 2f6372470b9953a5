package chatqa.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The hostile exports of docs/hostile-input.md: the small ones are committed byte for byte under
 * src/test/resources/hostile; the big ones are written here into a test's temporary folder.
 * Every generated file uses the canonical header and the day 2026-11-20 (Asia/Shanghai).
 */
public final class HostileExports {
    public static final String HEADER = "conversation_id,sent_at,sender_role,agent_id,customer_id,text\n";
    /** One chunk of the long message: Chinese, a comma and a quote, so the CSV quoting is exercised. */
    private static final String CHUNK = "亲，我想问一下这个商品的尺码，\"L\"码合适吗？";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private HostileExports() {
    }

    /** The folder of committed hostile fixtures. */
    public static Path fixtures() {
        try {
            return Path.of(HostileExports.class.getResource("/hostile").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the 1 MB message: the chunk repeated until it is at least 1 MiB of UTF-8. */
    public static String longText() {
        int chunkBytes = CHUNK.getBytes(StandardCharsets.UTF_8).length;
        return CHUNK.repeat((1 << 20) / chunkBytes + 1);
    }

    /**
     * long-message.csv: a greeting (line 2), the 1 MB message quoted on line 3, a reply (line 4),
     * and the same 1 MB message from an unknown sender on line 5.
     */
    public static Path longMessageCsv(Path dir) {
        String quoted = "\"" + longText().replace("\"", "\"\"") + "\"";
        return write(dir.resolve("long-message.csv"), HEADER
                + "lm1,2026-11-20 10:00:00,customer,,u-lm1,在吗\n"
                + "lm1,2026-11-20 10:00:05,customer,,u-lm1," + quoted + "\n"
                + "lm1,2026-11-20 10:00:30,agent,a1,u-lm1,您好，很高兴为您服务，L码合适\n"
                + "lm1,2026-11-20 10:00:40,老板,,u-lm1," + quoted + "\n", StandardCharsets.UTF_8);
    }

    /** long-message.jsonl: the 1 MB message as line 2 of three. */
    public static Path longMessageJsonl(Path dir) {
        String escaped = longText().replace("\"", "\\\"");
        return write(dir.resolve("long-message.jsonl"),
                "{\"conversation_id\":\"lmj1\",\"sent_at\":\"2026-11-20 10:00:00\",\"sender_role\":\"customer\",\"text\":\"在吗\"}\n"
                        + "{\"conversation_id\":\"lmj1\",\"sent_at\":\"2026-11-20 10:00:05\",\"sender_role\":\"customer\",\"text\":\"" + escaped + "\"}\n"
                        + "{\"conversation_id\":\"lmj1\",\"sent_at\":\"2026-11-20 10:00:30\",\"sender_role\":\"agent\",\"agent_id\":\"a1\",\"text\":\"您好\"}\n",
                StandardCharsets.UTF_8);
    }

    /** long-conversation.csv: conversation "long1" of {@code messages} messages, one a second from 08:00, customer and agent in turn. */
    public static Path longConversation(Path dir, int messages) {
        Path file = dir.resolve("long-conversation.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            LocalTime start = LocalTime.of(8, 0);
            for (int i = 0; i < messages; i++) {
                boolean customer = i % 2 == 0;
                w.write("long1," + at(start.plusSeconds(i)) + ","
                        + (customer ? "customer,," : "agent,a-long,") + "u-long1,"
                        + (customer ? "第" + i + "个问题，我的快递到哪里了" : "亲，第" + i + "次回复，正在为您查询") + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** many-agents.csv: {@code agents} conversations "ma00001"…, each a question answered by its own agent "agent-00001"…. */
    public static Path manyAgents(Path dir, int agents) {
        Path file = dir.resolve("many-agents.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            for (int i = 1; i <= agents; i++) {
                String id = String.format("%05d", i);
                LocalTime asked = LocalTime.of(9, 0).plusSeconds(i);
                w.write("ma" + id + "," + at(asked) + ",customer,,u-ma" + id + ",在吗，发货了吗\n");
                w.write("ma" + id + "," + at(asked.plusSeconds(5)) + ",agent,agent-" + id + ",u-ma" + id + ",您好，很高兴为您服务，已经发货了\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * gbk-late.csv: GBK whose first 64 KiB are plain ASCII (1,000 English rows), so the sniff cannot
     * tell it from UTF-8, followed by 2 Chinese rows (lines 1002 and 1003).
     */
    public static Path gbkBeyondTheSniff(Path dir) {
        Path file = dir.resolve("gbk-late.csv");
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 1000; i++) {
            sb.append("gl1,").append(at(LocalTime.of(7, 0).plusSeconds(i * 2L)))
                    .append(i % 2 == 0 ? ",customer,," : ",agent,a-gl,").append("u-gl1,hello this is row ").append(i).append(" of the english part\n");
        }
        sb.append("gl1,2026-11-20 08:00:00,customer,,u-gl1,你好，我的快递怎么还没到？\n");
        sb.append("gl1,2026-11-20 08:00:05,agent,a-gl,u-gl1,亲，很抱歉给您添麻烦了\n");
        return write(file, sb.toString(), Charset.forName("GBK"));
    }

    /** "2026-11-20 HH:mm:ss". */
    private static String at(LocalTime time) {
        return "2026-11-20 " + TIME.format(time);
    }

    private static Path write(Path file, String text, Charset cs) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(cs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
