package chatqa.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/**
 * Turns one export row, already split into canonical fields, into an accepted message or a
 * quarantined row with the reason and field at fault. Values are trimmed; empty means absent.
 *
 * <p>A timestamp that parses but cannot be a chat time is implausible_timestamp: before
 * {@link #EARLIEST} it is a zero or unset clock (epoch 0 is 1970), and more than
 * {@link #CLOCK_SKEW} after the export is read it comes from a wrong clock or a sentinel such as
 * 9999-12-31. Accepting either would sort the message to one end of its conversation and turn
 * its waits into decades.
 */
public final class RowValidator {
    /** No e-commerce chat export holds a message sent before this. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far past the time of reading a timestamp may be: exports are read after they are written. */
    public static final Duration CLOCK_SKEW = Duration.ofDays(1);

    /**
     * Account ids as the shop knows them: the platform prefix off ({@code cntaobao}旗舰店 →
     * 旗舰店), and a sub-account {@code 主账号:子账号} split into the shop and the agent. The shop
     * default applies only where the row names no shop.
     */
    private void accounts(Map<CanonicalField, String> v) {
        ExportMapping.Accounts a = mapping.accounts();
        for (CanonicalField f : new CanonicalField[] {CanonicalField.AGENT_ID, CanonicalField.CUSTOMER_ID}) {
            String id = v.get(f);
            if (id != null && !a.prefix().isEmpty() && id.startsWith(a.prefix()) && id.length() > a.prefix().length()) {
                v.put(f, id.substring(a.prefix().length()));
            }
        }
        String agent = v.get(CanonicalField.AGENT_ID);
        int colon = agent == null || !a.subAccounts() ? -1 : agent.indexOf(':');
        if (colon > 0 && colon < agent.length() - 1) {
            if (v.get(CanonicalField.SHOP_ID) == null) {
                v.put(CanonicalField.SHOP_ID, agent.substring(0, colon));
            }
            v.put(CanonicalField.AGENT_ID, agent.substring(colon + 1));
        }
        if (v.get(CanonicalField.SHOP_ID) == null) {
            v.put(CanonicalField.SHOP_ID, mapping.defaults().get(CanonicalField.SHOP_ID));
        }
    }

    private final ExportMapping mapping;
    private final RoleAliases roles;
    private final TimestampParser timestamps;
    private final Instant latest;

    /** A validator for exports read now. */
    public RowValidator(ExportMapping mapping, TimestampParser timestamps) {
        this(mapping, timestamps, Instant.now());
    }

    /** A validator for exports read at {@code readAt}: later timestamps (beyond the clock skew) are implausible. */
    public RowValidator(ExportMapping mapping, TimestampParser timestamps, Instant readAt) {
        this.mapping = mapping;
        this.roles = RoleAliases.withExtra(mapping.roleCodes());
        this.timestamps = timestamps;
        this.latest = readAt.plus(CLOCK_SKEW);
    }

    /** A kind code meaning "the content is the message's text". */
    static final String TEXT_KIND = "text";
    /** A kind code meaning "a notice neither side wrote" (a recall, a transfer line): kept as a system message. */
    static final String SYSTEM_KIND = "system";

    /**
     * Applies a row's kind. Without a code table, a message without text but of a named kind (an
     * image, an emoji, a product card) is kept as {@code [kind]}: it was a message, and counts for
     * response times, though no phrase is in it. With one ({@code kinds}), a code's word replaces
     * the content (an image's URL is no text), {@code text} keeps it, and {@code system} (or
     * {@code system:撤回}, naming it) makes the row a system message, which counts for nothing (a
     * recall notice is no reply).
     */
    static void applyKind(Map<CanonicalField, String> values, String kind, Map<String, String> kinds) {
        if (kind == null || kind.isBlank()) {
            return;
        }
        String text = values.get(CanonicalField.TEXT);
        boolean empty = text == null || text.isBlank();
        String word = kinds.isEmpty() ? kind.strip() : kinds.get(kind.strip());
        if (word == null || word.equals(TEXT_KIND)) {
            if (empty && word == null) {
                values.put(CanonicalField.TEXT, "[" + kind.strip() + "]");
            }
        } else if (word.equals(SYSTEM_KIND) || word.startsWith(SYSTEM_KIND + ":")) {
            values.put(CanonicalField.SENDER_ROLE, SYSTEM_KIND);
            String name = word.length() > SYSTEM_KIND.length() ? word.substring(SYSTEM_KIND.length() + 1).strip() : "";
            if (empty) {
                values.put(CanonicalField.TEXT, "[" + (name.isEmpty() ? kind.strip() : name) + "]");
            }
        } else if (!kinds.isEmpty() || empty) {
            values.put(CanonicalField.TEXT, "[" + word + "]");
        }
    }

    /** A flag column's yes: true, 1, yes, y (any case). */
    static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("y");
    }

    /**
     * Validates one export row: one message, or with the mapping's {@code transcript} a whole
     * conversation whose text field holds its messages ({@link #validateTranscript}).
     */
    public void validate(Map<CanonicalField, String> raw, SourceRef source, String rawRow, RowSink sink) {
        if (mapping.transcript()) {
            validateTranscript(raw, source, rawRow, sink);
        } else {
            validateMessage(raw, source, rawRow, sink);
        }
    }

    /**
     * A row that is a conversation: its text a {@link Transcript}, its other fields (the id, the
     * agent, the group, the rating) shared by every message. A speaker is the row's agent when
     * named as its agent_name or agent_id, else by its role word (访客…, 客服…, 机器人…: {@link
     * RoleAliases#resolveSpeaker}); of the names left, the first is the customer and any other an
     * agent the conversation was transferred to. Each message is validated as its own row, at the
     * row's line plus its line within the field (the file's line in a CSV export).
     */
    private void validateTranscript(Map<CanonicalField, String> raw, SourceRef source, String rawRow, RowSink sink) {
        String content = raw.get(CanonicalField.TEXT);
        if (content == null || content.isBlank()) {
            sink.quarantine(reject(source, QuarantineReason.MISSING_TEXT, CanonicalField.TEXT, "the conversation's transcript is empty", rawRow));
            return;
        }
        Transcript.Split split = Transcript.split(content, Transcript.dateOf(raw.get(CanonicalField.SENT_AT)));
        if (split.preamble() != null) {
            sink.quarantine(reject(source, QuarantineReason.MISSING_ROLE, CanonicalField.TEXT, split.entries().isEmpty()
                    ? "no message in the transcript: each opens with its speaker and time (名字 2026-11-20 10:00:05, or"
                            + " [2026-11-20 10:00:05] 名字：text)"
                    : "transcript text before its first speaker and time line: no sender", split.preamble()));
        }
        String agentId = blankToNull(raw.get(CanonicalField.AGENT_ID));
        String agentName = blankToNull(raw.get(CanonicalField.AGENT_NAME));
        List<Role> speakers = new ArrayList<>();
        String customer = null;
        for (Transcript.Entry e : split.entries()) {
            String who = e.speaker();
            Role role = rowAgent(who, agentId, agentName) ? Role.AGENT : roles.resolveSpeaker(who);
            if (role == null) {
                customer = customer == null ? who : customer;
                role = who.equals(customer) ? Role.CUSTOMER : Role.AGENT;
            } else if (role == Role.CUSTOMER && customer == null && roles.resolve(who) == null) {
                customer = who; // 访客8812 names the visitor; a bare 访客 names no one
            }
            speakers.add(role);
        }
        boolean customerMapped = blankToNull(raw.get(CanonicalField.CUSTOMER_ID)) != null;
        for (int i = 0; i < speakers.size(); i++) {
            Transcript.Entry e = split.entries().get(i);
            Role role = speakers.get(i);
            String who = e.speaker();
            Map<CanonicalField, String> v = new EnumMap<>(CanonicalField.class);
            v.putAll(raw);
            v.put(CanonicalField.SENDER_ROLE, role.code());
            v.put(CanonicalField.SENT_AT, e.time());
            v.put(CanonicalField.TEXT, e.text());
            if (role == Role.AGENT && !rowAgent(who, agentId, agentName)) {
                // Another agent than the row's: the one the conversation was transferred to, or a 客服… of its own.
                v.put(CanonicalField.AGENT_ID, who);
                v.put(CanonicalField.AGENT_NAME, who);
            }
            if (!customerMapped && customer != null) {
                v.put(CanonicalField.CUSTOMER_ID, customer);
            }
            validateMessage(v, new SourceRef(source.file(), source.fileIndex(), source.line() + e.line()),
                    who + " " + e.time() + " " + e.text(), sink);
        }
    }

    /**
     * Whether a transcript's speaker is the row's agent: its id, its name, its name after a role
     * word (客服小美 for 小美), or a bare agent word (客服) in a row that names its agent.
     */
    private boolean rowAgent(String who, String agentId, String agentName) {
        if (who.equals(agentId) || who.equals(agentName)) {
            return true;
        }
        boolean named = agentId != null || agentName != null;
        return named && (roles.resolve(who) == Role.AGENT
                || (agentName != null && who.endsWith(agentName) && roles.resolveSpeaker(who) == Role.AGENT));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void validateMessage(Map<CanonicalField, String> raw, SourceRef source, String rawRow, RowSink sink) {
        Map<CanonicalField, String> v = new EnumMap<>(CanonicalField.class);
        for (CanonicalField f : CanonicalField.values()) {
            String value = raw.get(f);
            if ((value == null || value.isBlank()) && f != CanonicalField.AGENT_ID && f != CanonicalField.SHOP_ID) {
                value = mapping.defaults().get(f);
            }
            v.put(f, value == null || value.isBlank() ? null : value.strip());
        }
        accounts(v);
        for (Map.Entry<CanonicalField, String> e : v.entrySet()) {
            if (e.getValue() != null && e.getValue().indexOf('\0') >= 0) {
                // JSON can spell a NUL as \u0000; it is no more chat text than a raw NUL byte.
                sink.quarantine(reject(source, QuarantineReason.BAD_ENCODING, e.getKey(),
                        "a NUL character (U+0000) in " + e.getKey().column(), rawRow.replace('\0', '\uFFFD')));
                return;
            }
        }
        String text = v.get(CanonicalField.TEXT);
        if (text == null) {
            sink.quarantine(reject(source, QuarantineReason.MISSING_TEXT, CanonicalField.TEXT, "the message text is empty", rawRow));
            return;
        }
        String roleText = v.get(CanonicalField.SENDER_ROLE);
        if (roleText == null) {
            sink.quarantine(reject(source, QuarantineReason.MISSING_ROLE, CanonicalField.SENDER_ROLE, "no sender role", rawRow));
            return;
        }
        Role role = roles.resolve(roleText);
        if (role == null) {
            sink.quarantine(reject(source, QuarantineReason.UNKNOWN_ROLE, CanonicalField.SENDER_ROLE,
                    "unknown sender role '" + roleText + "' (expected customer, agent, bot, system or a code from the mapping)", rawRow));
            return;
        }
        Instant sentAt = null;
        // A canonical header without sent_at (read with --date) gives rows without the field at all.
        if (mapping.hasTimestamps() && raw.containsKey(CanonicalField.SENT_AT)) {
            String ts = v.get(CanonicalField.SENT_AT);
            if (ts == null) {
                sink.quarantine(reject(source, QuarantineReason.MISSING_TIMESTAMP, CanonicalField.SENT_AT, "no timestamp", rawRow));
                return;
            }
            sentAt = timestamps.parse(ts);
            if (sentAt == null) {
                sink.quarantine(reject(source, QuarantineReason.BAD_TIMESTAMP, CanonicalField.SENT_AT, timestamps.whyNot(ts), rawRow));
                return;
            }
            String implausible = implausible(sentAt);
            if (implausible != null) {
                sink.quarantine(reject(source, QuarantineReason.IMPLAUSIBLE_TIMESTAMP, CanonicalField.SENT_AT,
                        "'" + ts + "' is " + sentAt + ", " + implausible, rawRow));
                return;
            }
        }
        if (v.get(CanonicalField.CONVERSATION_ID) == null && v.get(CanonicalField.CUSTOMER_ID) == null) {
            sink.quarantine(reject(source, QuarantineReason.MISSING_CUSTOMER, CanonicalField.CUSTOMER_ID,
                    "neither conversation_id nor customer_id: the message belongs to no conversation", rawRow));
            return;
        }
        String agentId = v.get(CanonicalField.AGENT_ID);
        if (agentId == null && role == Role.AGENT) {
            // A default agent id names the export's agents; customers' rows stay without one.
            agentId = mapping.defaults().get(CanonicalField.AGENT_ID);
        }
        sink.accept(new Message(v.get(CanonicalField.CONVERSATION_ID), v.get(CanonicalField.MESSAGE_ID), sentAt, role,
                agentId, v.get(CanonicalField.CUSTOMER_ID), v.get(CanonicalField.SHOP_ID), text, source,
                CsatScale.of(v.get(CanonicalField.RATING), mapping.ratings()), v.get(CanonicalField.GROUP_ID),
                role == Role.AGENT ? v.get(CanonicalField.AGENT_NAME) : null));
    }

    /** Whether the run has a day (--date): then a canonical export may come without times. */
    boolean hasDay() {
        return timestamps.hasDay();
    }

    /** How many timestamps were a time of day put on the run's day. */
    public long timeOnlyDated() {
        return timestamps.timeOnlyDated();
    }

    private String implausible(Instant sentAt) {
        if (sentAt.isBefore(EARLIEST)) {
            return "before " + EARLIEST + ": a zero or unset clock, not a chat time";
        }
        if (sentAt.isAfter(latest)) {
            return "more than " + CLOCK_SKEW.toDays() + " day after the export was read (" + latest.minus(CLOCK_SKEW)
                    + "): a wrong clock or a placeholder";
        }
        return null;
    }

    static QuarantinedRow reject(SourceRef source, QuarantineReason reason, CanonicalField field, String detail, String raw) {
        return new QuarantinedRow(source.file(), source.line(), reason, field == null ? null : field.column(), detail, raw);
    }
}
