package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.cli.ChatQa;
import chatqa.warehouse.Tables;

/** {@code --mask-warehouse}: no table of the day keeps the customer's phone, email or order number. */
@Tag("spark")
class MaskWarehouseTest {
    private static final String DAY = "2026-11-20";
    private static final List<String> SECRETS = List.of("13800138000", "zhang.san@qq.com", "SF1234567890123");

    @TempDir
    static Path tmp;

    private static SparkSession spark;

    @BeforeAll
    static void scoreMaskedAndRaw() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(input.resolve("chats.csv"), """
                conversation_id,message_id,sent_at,sender_role,agent_id,customer_id,shop_id,text
                M1,,2026-11-20 10:00:00,customer,,u1,s1,快递单号SF1234567890123一直不动，电话13800138000
                M1,,2026-11-20 10:00:20,agent,a1,u1,s1,您好，我是客服8号，抱歉让您久等了，已经帮您催了
                M1,,2026-11-20 10:01:00,customer,,u1,s1,发票发到邮箱 zhang.san@qq.com
                M1,,2026-11-20 10:01:30,agent,a1,u1,s1,好的，你自己看邮箱13800138000吧
                M2,,not-a-time,customer,,u2,s1,我的手机13800138000
                """);
        for (String mode : List.of("masked", "raw")) {
            List<String> args = new java.util.ArrayList<>(List.of("score", "--input", input.toString(), "--date", DAY,
                    "--warehouse", tmp.resolve(mode).toString(), "--reports", tmp.resolve("reports-" + mode).toString(), "--no-report", "--master", "local[2]"));
            if (mode.equals("masked")) {
                args.add("--mask-warehouse");
                args.add("--store-words"); // the words are masked too
            }
            assertEquals(0, ChatQa.run(args.toArray(new String[0])));
        }
        spark = TestSpark.get();
    }

    private static String everything(String mode) {
        StringBuilder sb = new StringBuilder();
        for (String table : Tables.ALL) {
            for (Row r : spark.read().parquet(tmp.resolve(mode) + "/" + table + "/dt=" + DAY).collectAsList()) {
                sb.append(r).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void noTableKeepsPersonalDataWhenMasked() {
        String masked = everything("masked");
        for (String secret : SECRETS) {
            assertFalse(masked.contains(secret), secret + " stored despite --mask-warehouse");
        }
        assertTrue(masked.contains("138****8000"), "the mask is stored instead");
        String raw = everything("raw");
        assertTrue(SECRETS.stream().allMatch(raw::contains), "without the option the messages keep the raw text");
    }

    @Test
    void wordsAreStoredMaskedOnlyWhenAskedFor() {
        List<Row> masked = spark.read().parquet(tmp.resolve("masked") + "/messages/dt=" + DAY).where("message_id = 'M1#1'").collectAsList();
        List<String> words = masked.get(0).getList(masked.get(0).fieldIndex("words"));
        assertTrue(words.contains("138****8000"), words.toString());
        assertFalse(words.stream().anyMatch(w -> w.contains("13800138000")), words.toString());
        assertEquals(0L, spark.read().parquet(tmp.resolve("raw") + "/messages/dt=" + DAY).where("words IS NOT NULL").count(),
                "without --store-words no message keeps its words");
    }

    @Test
    void evidenceSpansPointAtTheSameWordsInTheMaskedText() {
        Row hit = spark.sql("SELECT h.matched_text, h.span_start, h.span_end, m.text FROM parquet.`" + tmp.resolve("masked")
                + "/rule_hits/dt=" + DAY + "` h JOIN parquet.`" + tmp.resolve("masked") + "/messages/dt=" + DAY
                + "` m ON h.conversation_id = m.conversation_id AND h.message_seq = m.seq WHERE h.rule_id = 'red_line.rude' AND NOT h.passed")
                .collectAsList().get(0);
        String text = hit.getString(3);
        assertEquals("你自己看", text.substring(hit.getInt(1), hit.getInt(2)));
        assertEquals("你自己看", hit.getString(0));
        assertTrue(text.contains("138****8000"), text);
    }
}
