package chatqa.score;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/**
 * Writes test conversations the way people read them, one line per message:
 * {@code "10:00:05 agent a1 您好"}; the agent id is {@code -} for none, and the time is {@code -}
 * for an export without timestamps.
 */
final class Chat {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Chat() {
    }

    static Conversation of(String... lines) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String[] p = lines[i].split(" ", 4);
            Role role = Role.fromCode(p[1]);
            String agent = role == Role.AGENT && !"-".equals(p[2]) ? p[2] : null;
            String text = role == Role.AGENT ? p[3] : p.length == 4 ? p[2] + " " + p[3] : p[2];
            var at = "-".equals(p[0]) ? null : LocalDate.of(2026, 11, 20).atTime(LocalTime.parse(p[0])).atZone(ZONE).toInstant();
            messages.add(new Message("c1", "m" + (i + 1), at, role, agent, "u1", "s1", text, new SourceRef("t.csv", 0, i + 2)));
        }
        return new Conversation("c1", "s1", "u1", messages);
    }
}
