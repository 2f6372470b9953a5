package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import chatqa.model.Role;

/** Sender spellings shops use, in English and Chinese, plus a mapping's own role codes. */
class RoleAliasesTest {
    private final RoleAliases builtIn = RoleAliases.withExtra(Map.of());

    @Test
    void customerSpellings() {
        for (String s : new String[] {"customer", "顾客", "买家", "客户"}) {
            assertEquals(Role.CUSTOMER, builtIn.resolve(s), s);
        }
    }

    @Test
    void agentSpellings() {
        for (String s : new String[] {"agent", "客服", "卖家"}) {
            assertEquals(Role.AGENT, builtIn.resolve(s), s);
        }
    }

    @Test
    void botAndSystemSpellings() {
        assertEquals(Role.BOT, builtIn.resolve("bot"));
        assertEquals(Role.BOT, builtIn.resolve("机器人"));
        assertEquals(Role.SYSTEM, builtIn.resolve("system"));
        assertEquals(Role.SYSTEM, builtIn.resolve("系统"));
    }

    @Test
    void spellingsIgnoreCaseAndSurroundingSpaces() {
        assertEquals(Role.CUSTOMER, builtIn.resolve("CUSTOMER"));
        assertEquals(Role.AGENT, builtIn.resolve(" Agent "));
        assertEquals(Role.BOT, builtIn.resolve("BoT"));
        assertEquals(Role.SYSTEM, builtIn.resolve("System"));
    }

    @Test
    void unknownSpellingResolvesToNothing() {
        assertNull(builtIn.resolve("老板"));
        assertNull(builtIn.resolve("0"));
    }

    @Test
    void mappingCodesAreAddedToTheBuiltInSpellings() {
        RoleAliases jddc = RoleAliases.withExtra(Map.of("0", Role.CUSTOMER, "1", Role.AGENT));

        assertEquals(Role.CUSTOMER, jddc.resolve("0"));
        assertEquals(Role.AGENT, jddc.resolve("1"));
        assertEquals(Role.CUSTOMER, jddc.resolve("顾客"));
    }

    @Test
    void mappingCodesTakePrecedenceOverBuiltInSpellings() {
        RoleAliases odd = RoleAliases.withExtra(Map.of("System", Role.BOT));

        assertEquals(Role.BOT, odd.resolve("system"));
    }
}
