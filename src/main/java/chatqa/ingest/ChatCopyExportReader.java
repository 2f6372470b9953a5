package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import chatqa.model.SourceRef;

/**
 * Reads the chat-window copy agents paste into a text file (千牛 / 旺旺): each message opens with a
 * line {@code 昵称 YYYY-M-D H:MM:SS} (sometimes no space before the time), then its text on the
 * lines after. A name written {@code 主账号:子账号} is the shop's agent, any other the customer.
 * Status lines (已读, 未读, 发送中) and recalls ({@code X 撤回了一条消息}, with the empty 昵称
 * time line the window leaves above it) are no messages and are passed over; the window's system lines (由 服务助手 转交给…, 原因：【…】, 当前用户来自…) and transfers
 * ({@code A --> B <time>}) are system messages at the time of the message before. A file may hold
 * several windows one after another: each message belongs to the latest customer named before it
 * (messages before the first, to the first; none named: the file's name) and to the shop of the
 * latest agent (主账号), so both sides of a window share one customer and one shop. A copy is what
 * a person pasted: it is read whole before its messages are handed on.
 */
final class ChatCopyExportReader implements ExportReader {
    private static final Pattern HEADER = Pattern.compile("^(.+?)\\s*(\\d{4}-\\d{1,2}-\\d{1,2}\\s+\\d{1,2}:\\d{2}:\\d{2})\\s*$");
    private static final Pattern TRANSFER = Pattern.compile("^(.+?)\\s*-->\\s*(.+?)\\s+(\\d{4}-\\d{1,2}-\\d{1,2}\\s+\\d{1,2}:\\d{2}:\\d{2})\\s*$");
    private static final Pattern STATUS = Pattern.compile("^(已读|未读|发送中|发送失败)$");
    private static final Pattern RECALL = Pattern.compile("^.{1,40}撤回了一条消息$");
    private static final Pattern SYSTEM = Pattern.compile("^(由\\s*\\S+\\s*转交给|原因：|原因:|当前用户来自)");

    private final ExportMapping mapping;
    private final RowValidator validator;

    ChatCopyExportReader(ExportMapping mapping, RowValidator validator) {
        this.mapping = mapping;
        this.validator = validator;
    }

    /** Whether {@code line} opens a message of a chat-window copy (for --mapping auto). */
    static boolean opensMessage(String line) {
        Matcher m = HEADER.matcher(line.strip());
        // A header-less CSV row can end in a time too; a nickname holds no delimiter or quote.
        return m.matches() && m.group(1).chars().noneMatch(c -> c == ',' || c == '\t' || c == '"' || c == '{')
                && !TRANSFER.matcher(line.strip()).matches();
    }

    /** One message being read: who, when, on which line, and its text so far. */
    private static final class Pending {
        final String name;
        final String time;
        final long line;
        final boolean system;
        final StringBuilder text = new StringBuilder();

        Pending(String name, String time, long line, boolean system) {
            this.name = name;
            this.time = time;
            this.line = line;
            this.system = system;
        }
    }

    @Override
    public FileRead read(InputStream in, InputFile file, RowSink sink) throws IOException {
        FileEncoding[] cs = new FileEncoding[1];
        TextLines lines = ExportReader.lines(in, mapping, cs);
        List<Pending> messages = new ArrayList<>();
        Pending current = null;
        TextLines.Line line;
        while ((line = lines.next()) != null) {
            if (line.text() == null) {
                sink.quarantine(new QuarantinedRow(file.path(), line.number(), QuarantineReason.BAD_ENCODING, null,
                        line.problem(), line.undecodable()));
                continue;
            }
            String t = line.text().strip();
            if (RECALL.matcher(t).matches()) {
                // The window keeps the recalled message's 昵称 time line, without its text.
                if (current != null && !current.system && current.text.length() == 0) {
                    messages.remove(messages.size() - 1);
                    current = null;
                }
                continue;
            }
            if (t.isEmpty() || STATUS.matcher(t).matches()) {
                continue;
            }
            Matcher transfer = TRANSFER.matcher(t);
            Matcher header = HEADER.matcher(t);
            if (transfer.matches()) {
                current = new Pending(null, transfer.group(3), line.number(), true);
                current.text.append(t);
                messages.add(current);
            } else if (SYSTEM.matcher(t).find()) {
                current = new Pending(null, current == null ? null : current.time, line.number(), true);
                current.text.append(t);
                messages.add(current);
            } else if (header.matches()) {
                current = new Pending(header.group(1).strip(), header.group(2), line.number(), false);
                messages.add(current);
            } else if (current == null || current.system) {
                sink.quarantine(new QuarantinedRow(file.path(), line.number(), QuarantineReason.MISSING_ROLE, null,
                        "text without a 昵称 YYYY-M-D H:MM:SS line before it: no sender", t));
            } else {
                current.text.append(current.text.length() > 0 ? "\n" : "").append(t);
            }
        }
        String firstCustomer = null;
        String firstShop = null;
        for (Pending p : messages) {
            if (!p.system && !isAgent(p.name)) {
                firstCustomer = firstCustomer == null ? p.name : firstCustomer;
            } else if (!p.system) {
                firstShop = firstShop == null ? shopOf(p.name) : firstShop;
            }
        }
        String customer = firstCustomer != null ? firstCustomer : file.path().replaceAll(".*/", "").replaceAll("\\.[^.]*$", "");
        String shop = firstShop != null ? firstShop : mapping.defaults().get(CanonicalField.SHOP_ID);
        for (Pending p : messages) {
            if (!p.system && isAgent(p.name)) {
                shop = shopOf(p.name);
            } else if (!p.system) {
                customer = p.name;
            }
            emit(p, customer, shop, file, sink);
        }
        return new FileRead(cs[0], validator.timeOnlyDated());
    }

    /** The shop of an agent written 主账号:子账号 (with the mapping's sub_accounts), else the mapping's shop. */
    private String shopOf(String agent) {
        return mapping.accounts().subAccounts() ? agent.substring(0, agent.indexOf(':')) : mapping.defaults().get(CanonicalField.SHOP_ID);
    }

    private static boolean isAgent(String name) {
        int colon = name.indexOf(':');
        return colon > 0 && colon < name.length() - 1;
    }

    private void emit(Pending p, String customer, String shop, InputFile file, RowSink sink) {
        Map<CanonicalField, String> v = new EnumMap<>(CanonicalField.class);
        v.put(CanonicalField.SENT_AT, p.time);
        v.put(CanonicalField.TEXT, p.text.toString());
        v.put(CanonicalField.CUSTOMER_ID, customer);
        v.put(CanonicalField.SHOP_ID, shop);
        if (p.system) {
            v.put(CanonicalField.SENDER_ROLE, "system");
        } else if (isAgent(p.name)) {
            v.put(CanonicalField.SENDER_ROLE, "agent");
            v.put(CanonicalField.AGENT_ID, p.name);
        } else {
            v.put(CanonicalField.SENDER_ROLE, "customer");
        }
        validator.validate(v, new SourceRef(file.path(), file.index(), p.line), p.text.toString(), sink);
    }
}
