package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.config.ConfigError;
import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.rules.RuleBookLoader;
import chatqa.score.ConversationScore;
import chatqa.score.ConversationScorer;

/**
 * The platform presets on fixtures written from the platforms' field lists
 * (src/test/resources/exports): {@code --mapping auto} recognises each, and its rows come out
 * with the right roles, agents, shops and first response once scored.
 */
class PlatformPresetTest {
    private static final Path EXPORTS = Path.of("src/test/resources/exports");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.loadDefault());

    @TempDir
    Path tmp;

    private static Map<String, ConversationScore> scored(String file) throws IOException {
        return scored(file, 0);
    }

    private static Map<String, ConversationScore> scored(String file, int junk) throws IOException {
        Path path = EXPORTS.resolve(file);
        LayoutDetection.Chosen chosen = LayoutDetection.choose(List.of(path.toString()));
        LocalExports.Read read = LocalExports.read(List.of(path), chosen.mapping(), SHANGHAI, Duration.ofMinutes(30));
        assertEquals(junk, read.quarantined().size(), file + ": " + read.quarantined());
        return read.conversations().stream().map(SCORER::score)
                .collect(Collectors.toMap(s -> s.conversation().customerId(), Function.identity()));
    }

    @Test
    void autoRecognisesEachPresetFromItsColumns() throws IOException {
        assertEquals("taobao-chatlog", LayoutDetection.detect(EXPORTS.resolve("taobao-chatlog.jsonl")).preset());
        assertEquals("pdd-chat", LayoutDetection.detect(EXPORTS.resolve("pdd-chat.csv")).preset());
        assertEquals("udesk-im", LayoutDetection.detect(EXPORTS.resolve("udesk-im.jsonl")).preset());
        Path canonical = Files.writeString(tmp.resolve("c.csv"), "conversation_id,sent_at,sender_role,agent_id,customer_id,shop_id,text\n");
        assertNull(LayoutDetection.detect(canonical).preset(), "the canonical schema is no preset");
        assertTrue(LayoutDetection.choose(List.of(EXPORTS.resolve("pdd-chat.csv").toString())).said().contains("pdd-chat"));
    }

    @Test
    void filesOfDifferentLayoutsInOneRunAreRefusedNamingEach() throws IOException {
        Files.copy(EXPORTS.resolve("pdd-chat.csv"), tmp.resolve("a.csv"));
        Files.copy(EXPORTS.resolve("udesk-im.jsonl"), tmp.resolve("b.jsonl"));
        ConfigError e = assertThrows(ConfigError.class, () -> LayoutDetection.choose(List.of(tmp.toString())));
        assertTrue(e.getMessage().contains("a.csv: pdd-chat") && e.getMessage().contains("b.jsonl: udesk-im"), e.getMessage());
    }

    @Test
    void taobaoSubAccountsAreShopAndAgentWithoutThePlatformPrefix() throws IOException {
        Map<String, ConversationScore> byCustomer = scored("taobao-chatlog.jsonl");
        assertEquals(2, byCustomer.size(), byCustomer.keySet().toString());
        ConversationScore lamp = byCustomer.get("买家tb_8812");
        Conversation c = lamp.conversation();
        assertEquals("柚子家居旗舰店", c.shopId());
        assertEquals(List.of(Role.CUSTOMER, Role.AGENT, Role.AGENT, Role.CUSTOMER, Role.AGENT), c.messages().stream().map(Message::role).toList());
        assertEquals("小美", c.messages().get(1).agentId());
        assertEquals(30.0, lamp.timing().firstResponseSeconds(), 1e-9, "09:58:10 → 09:58:40");
        assertEquals("阿杰", byCustomer.get("夏天的风").agentId());
        assertEquals(new chatqa.model.Rating("1", 4.0), c.rating(), "eval_code 1 满意 is 4 of 5");
        assertNull(byCustomer.get("夏天的风").conversation().rating(), "not rated");
    }

    @Test
    void jdChatLogSessionsWaitersAndBooleanOrNumericSenders() throws IOException {
        assertEquals("jd-chatlog", LayoutDetection.detect(EXPORTS.resolve("jd-chatlog.jsonl")).preset());
        Map<String, ConversationScore> byCustomer = scored("jd-chatlog.jsonl");
        ConversationScore fryer = byCustomer.get("jd_buyer1");
        assertTrue(fryer.conversation().id().contains("S9001"), fryer.conversation().id());
        assertEquals(List.of(Role.CUSTOMER, Role.AGENT, Role.AGENT, Role.CUSTOMER),
                fryer.conversation().messages().stream().map(Message::role).toList());
        assertEquals("shop_kefu01", fryer.agentId());
        assertEquals("jd", fryer.conversation().shopId());
        assertEquals(30.0, fryer.timing().firstResponseSeconds(), 1e-9, "10:00:05 → 10:00:35, Beijing time");
        ConversationScore size = byCustomer.get("jd_buyer2");
        assertEquals("shop_kefu02", size.agentId(), "waiterSend 0 / 1 as well as false / true");
        assertEquals(140.0, size.timing().firstResponseSeconds(), 1e-9, "from the product link the customer sent first");
    }

    @Test
    void pinduoduoUnixSecondsAndDirection() throws IOException {
        Map<String, ConversationScore> byCustomer = scored("pdd-chat.csv");
        ConversationScore pillow = byCustomer.get("u_5501");
        assertEquals("pdd", pillow.conversation().shopId());
        assertEquals("拼客服01", pillow.agentId());
        assertEquals(java.time.Instant.parse("2026-11-20T02:00:00Z"), pillow.conversation().messages().get(0).sentAt());
        assertEquals(45.0, pillow.timing().firstResponseSeconds(), 1e-9);
        assertEquals("m3", pillow.conversation().messages().get(2).messageId());

        // Message types: images are kept as [图片] (a URL is no text), a recall notice is a system line.
        ConversationScore photo = byCustomer.get("u_8803");
        List<Message> m = photo.conversation().messages();
        assertEquals(List.of("[图片]", "[撤回]", "[图片]", "这个尺码偏大吗", "正常尺码哦亲"), m.stream().map(Message::text).toList());
        assertEquals(List.of(Role.CUSTOMER, Role.SYSTEM, Role.AGENT, Role.CUSTOMER, Role.AGENT), m.stream().map(Message::role).toList());
        assertEquals(90.0, photo.timing().firstResponseSeconds(), 1e-9, "the recall notice is no reply; the agent's picture is");
    }

    @Test
    void udeskEnvelopesAndTheAutomaticWelcomeIsABot() throws IOException {
        ConversationScore s = scored("udesk-im.jsonl").values().iterator().next();
        List<Message> m = s.conversation().messages();
        assertEquals("你好，我要退货", m.get(0).text(), "data.content out of the JSON envelope");
        assertEquals(Role.BOT, m.get(1).role(), "is_welcome");
        assertEquals("已为您提交退货申请，快递员会上门取件", m.get(4).text(), "a rich message's text too");
        assertEquals(90.0, s.timing().firstResponseSeconds(), 1e-9, "the welcome does not stop the clock: 11:00:00 → 11:01:30");
        assertEquals("小林", s.agentId());
        assertEquals(new chatqa.model.Rating("非常满意", 5.0), s.conversation().rating(), "survey_option_name");
        assertEquals("售后队列", s.conversation().groupId(), "belong_queue");
    }

    @Test
    void aNestedPathReadsObjectsAndJsonInStrings() throws IOException {
        Path f = Files.writeString(tmp.resolve("live.jsonl"),
                "{\"cid\":\"c1\",\"from\":{\"role\":\"user\"},\"ts\":\"2026-11-20 10:00:00\",\"body\":\"{\\\"text\\\":\\\"在吗\\\"}\"}\n"
                        + "{\"cid\":\"c1\",\"from\":{\"role\":\"mall_cs\"},\"ts\":\"2026-11-20 10:00:09\",\"body\":\"{\\\"text\\\":\\\"您好\\\"}\"}\n",
                StandardCharsets.UTF_8);
        ExportMapping m = MappingLoader.parse("""
                columns:
                  conversation_id: cid
                  sender_role: from.role
                  sent_at: ts
                  text: body.text
                """, "live.yaml");
        LocalExports.Read read = LocalExports.read(List.of(f), m, SHANGHAI, Duration.ofMinutes(30));
        assertEquals(List.of(), read.quarantined());
        List<Message> msgs = read.conversations().get(0).messages();
        assertEquals(List.of(Role.CUSTOMER, Role.AGENT), msgs.stream().map(Message::role).toList(), "user / mall_cs are role aliases");
        assertEquals("您好", msgs.get(1).text());
    }

    @Test
    void theTaobaoChatWindowCopyInGbk() throws IOException {
        assertEquals("taobao-chat-copy", LayoutDetection.detect(EXPORTS.resolve("taobao-chat-copy-gbk.txt")).preset());
        Map<String, ConversationScore> byCustomer = scored("taobao-chat-copy-gbk.txt");
        assertEquals(List.of("tb_夏天的风"), List.copyOf(byCustomer.keySet()), "both sides of the window, one customer");
        ConversationScore s = byCustomer.get("tb_夏天的风");
        Conversation c = s.conversation();
        assertEquals("柚子家居旗舰店", c.shopId());
        List<Message> m = c.messages();
        assertEquals(List.of(Role.AGENT, Role.CUSTOMER, Role.AGENT, Role.SYSTEM, Role.SYSTEM, Role.SYSTEM, Role.SYSTEM, Role.AGENT, Role.CUSTOMER),
                m.stream().map(Message::role).toList(), "no status line, no recall, no empty message");
        assertEquals("在吗\n我买的台灯什么时候发货？\n订单号是[订单x]", m.get(1).text(), "a message's lines, the name glued to its time");
        assertEquals("小美", m.get(0).agentId());
        assertEquals("阿杰", m.get(7).agentId());
        assertEquals(50.0, s.timing().firstResponseSeconds(), 1e-9, "9:58:40 → 9:59:30; the greeting before the customer wrote is no reply");
    }

    @Test
    void qiyuZipMessagesWithTheirSessionsAndTheRobot() throws IOException {
        assertEquals("qiyu-export", LayoutDetection.detect(EXPORTS.resolve("qiyu-export.zip")).preset());
        Map<String, ConversationScore> byCustomer = scored("qiyu-export.zip", 1); // message.txt's last line, 共7条消息
        ConversationScore earphones = byCustomer.get("visitor_77");
        List<Message> m = earphones.conversation().messages();
        assertEquals(List.of(Role.CUSTOMER, Role.BOT, Role.AGENT, Role.CUSTOMER, Role.AGENT), m.stream().map(Message::role).toList(),
                "staffId -1 is the robot");
        assertEquals("3301", m.get(2).agentId(), "the agent from the session's staffId");
        assertEquals("七鱼小王", m.get(2).agentName(), "named by the session's staffName");
        assertNull(m.get(0).agentName(), "a customer's row carries no agent name");
        assertEquals("七鱼小王", earphones.segments().get(0).segment().agentName());
        assertTrue(earphones.conversation().id().contains("9001"), "the session is the conversation: " + earphones.conversation().id());
        assertEquals(40.0, earphones.timing().firstResponseSeconds(), 1e-9, "the robot's reply does not stop the clock");
        assertEquals("3302", byCustomer.get("visitor_88").agentId());
        assertEquals(5.0, earphones.conversation().rating().csat(), "the session's evaluation");
        assertEquals("售后组", earphones.conversation().groupId(), "the session's fromGroup");
        assertEquals(1.0, byCustomer.get("visitor_88").conversation().rating().csat());
    }

    @Test
    void alibabaCloudScaTicketsOneMessagePerSentence() throws IOException {
        assertEquals("aliyun-sca", LayoutDetection.detect(EXPORTS.resolve("aliyun-sca.json")).preset());
        Map<String, ConversationScore> byCustomer = scored("aliyun-sca.json");
        ConversationScore late = byCustomer.get("buyer_01");
        assertTrue(late.conversation().id().contains("T-1001"), late.conversation().id());
        assertEquals(List.of(Role.CUSTOMER, Role.AGENT, Role.AGENT, Role.CUSTOMER),
                late.conversation().messages().stream().map(Message::role).toList());
        assertEquals("kf_zhang", late.agentId());
        assertEquals(30.0, late.timing().firstResponseSeconds(), 1e-9);
        assertEquals("kf_li", byCustomer.get("buyer_02").agentId());
    }

    @Test
    void meiqiaOneRowPerConversationItsTranscriptInGbk() throws IOException {
        Path file = EXPORTS.resolve("meiqia-gbk.csv");
        assertEquals("meiqia", LayoutDetection.detect(file).preset());
        LocalExports.Read read = LocalExports.read(List.of(file), MappingLoader.load("meiqia"), SHANGHAI, Duration.ofMinutes(30));
        assertEquals(1, read.quarantined().size(), read.quarantined().toString());
        assertTrue(read.quarantined().get(0).detail().contains("before its first speaker"), "对话开始 names no sender");
        Map<String, ConversationScore> byId = read.conversations().stream().map(SCORER::score)
                .collect(Collectors.toMap(s -> s.conversation().id().replaceAll(".*(m\\d+).*", "$1"), Function.identity()));
        assertEquals(Set.of("m1001", "m1002", "m1003"), byId.keySet());

        ConversationScore rice = byId.get("m1001");
        List<Message> m = rice.conversation().messages();
        assertEquals(List.of(Role.CUSTOMER, Role.AGENT, Role.CUSTOMER, Role.AGENT, Role.CUSTOMER, Role.AGENT), m.stream().map(Message::role).toList());
        assertEquals("2001", m.get(1).agentId(), "agent_nick_name 小美 is the row's agent_ID");
        assertEquals("小美", m.get(1).agentName());
        assertEquals("访客8812", rice.conversation().customerId(), "the visitor as the transcript names it");
        assertEquals("您好，我是客服小美，很高兴为您服务\n有现货的亲，今天下单今天发", m.get(1).text(), "a message's lines");
        assertEquals(40.0, rice.timing().firstResponseSeconds(), 1e-9);
        assertEquals(new chatqa.model.Rating("2", 5.0), rice.conversation().rating(), "comment_level 2 好评");
        assertEquals("售前组", rice.conversation().groupId());
        assertEquals("meiqia", rice.conversation().shopId());

        ConversationScore refund = byId.get("m1002");
        m = refund.conversation().messages();
        assertEquals(List.of(Role.BOT, Role.CUSTOMER, Role.AGENT, Role.SYSTEM, Role.AGENT, Role.CUSTOMER), m.stream().map(Message::role).toList(),
                "机器人小蜜 a bot, 系统 a notice");
        assertEquals("小美", m.get(2).agentId(), "an agent other than the row's: the one before the transfer");
        assertEquals("2002", m.get(4).agentId());
        assertEquals("您好，我是阿杰，已经为您提交退货申请\n快递员明天上门取件", m.get(4).text());
        assertEquals(90.0, refund.timing().firstResponseSeconds(), 1e-9, "the bot's welcome does not stop the clock: 14:20:05 → 14:21:35");
        assertEquals(1.0, refund.conversation().rating().csat(), "差评");
        assertEquals(2, refund.segments().size(), "two agents, two parts");

        ConversationScore night = byId.get("m1003");
        m = night.conversation().messages();
        assertEquals(java.time.Instant.parse("2026-11-20T15:59:30Z"), m.get(0).sentAt(), "a time of day on conv_start_tm's date");
        assertEquals(java.time.Instant.parse("2026-11-20T16:00:40Z"), m.get(2).sentAt(), "past midnight, the next day");
        assertEquals("2002", m.get(1).agentId(), "客服阿杰 is the row's 阿杰");
        assertEquals(20.0, night.timing().firstResponseSeconds(), 1e-9);
        assertNull(night.conversation().rating());
    }
}
