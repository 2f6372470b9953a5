package chatqa.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Shop B's app export: JSON Lines, epoch-millisecond timestamps, no conversation or message ids,
 * Chinese role names. A few lines are broken the way app exports break.
 */
final class JsonLinesSample implements ConversationWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ROLE_NAMES = {"顾客", "客服", "机器人", "系统"};

    private final Writer w;
    private final String shop;
    private int customerNo;
    private int bad;

    JsonLinesSample(Path file, String shop) throws IOException {
        this.w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.shop = shop;
    }

    @Override
    public void write(SampleConversation c) throws IOException {
        customerNo += c.sameCustomerAsPrevious() ? 0 : 1;
        String customer = "u" + (70000 + customerNo * 7);
        for (ScriptedMessage m : c.messages()) {
            ObjectNode o = JSON.createObjectNode();
            o.put("sent_at", m.at().toEpochMilli());
            o.put("sender_role", ROLE_NAMES[m.role().ordinal()]);
            if (m.agentId() != null) {
                o.put("agent_id", m.agentId());
            }
            o.put("customer_id", customer);
            o.put("shop_id", shop);
            o.put("text", m.text());
            w.write(JSON.writeValueAsString(o));
            w.write('\n');
        }
        if (customerNo % 25 == 3 && !c.sameCustomerAsPrevious()) {
            long t = c.messages().get(0).at().toEpochMilli();
            w.write("{\"sent_at\": " + t + ", \"sender_role\": \"顾客\", \"customer_id\": \"" + customer + "\", \"text\": \"在吗\n");
            w.write("{\"sent_at\": " + t + ", \"sender_role\": \"vip\", \"customer_id\": \"" + customer + "\", \"shop_id\": \"" + shop + "\", \"text\": \"加急\"}\n");
            w.write("{\"sent_at\": " + t + ", \"sender_role\": \"顾客\", \"shop_id\": \"" + shop + "\", \"text\": \"谁的消息\"}\n");
            bad += 3;
        }
    }

    @Override
    public int badRows() {
        return bad;
    }

    @Override
    public void close() throws IOException {
        w.close();
    }
}
