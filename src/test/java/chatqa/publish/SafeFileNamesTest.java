package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Agent ids from exports become file names that stay in the report folder and never clash. */
class SafeFileNamesTest {
    /** What every name must look like: letters, digits, - and _, then .html; nothing Windows refuses. */
    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}_-]*\\.html");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)(\\..*)?");

    private static String name(String id) {
        return new SafeFileNames().fileNameFor(id);
    }

    @Test
    void plainIdsKeepTheirName() {
        assertEquals("agent007.html", name("agent007"));
        assertEquals("zhang_san-2.html", name("zhang_san-2"));
    }

    @Test
    void chineseIdsStayReadable() {
        assertEquals("客服小王.html", name("客服小王"));
        assertEquals("客服_小王-0966f838.html", name("客服 小王"));
        assertEquals("客服_小王-48e9c42b.html", name("客服/小王"));
    }

    @Test
    void pathEscapesStayInTheReportFolder() {
        assertEquals("etc_passwd-3754d6cb.html", name("../../etc/passwd"));
        Path reports = Path.of("/reports/2026-11-20");
        for (String id : List.of("../../etc/passwd", "..", ".", "/", "\\", "a\\..\\..\\b", "C:\\Windows\\x", "a\u0000b", "tab\there", "line\nbreak", "\u202Egnp.exe")) {
            String file = name(id);
            assertTrue(SAFE.matcher(file).matches(), id + " -> " + file);
            assertEquals(reports, reports.resolve(file).normalize().getParent(), id + " -> " + file);
        }
    }

    @Test
    void idsWithNothingUsableStillGetADistinctName() {
        String dots = name("..");
        String slash = name("/");
        assertTrue(dots.startsWith("agent-"), dots);
        assertNotEquals(dots, slash);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "Prn", "aux", "NUL", "com1", "COM9", "lpt1", "LPT9", "con.txt", "nul.", "CON ", "aux...", "com¹"})
    void windowsReservedNamesAndTrailingDotsAreSafe(String id) {
        String file = name(id);
        assertTrue(SAFE.matcher(file).matches(), id + " -> " + file);
        String stem = file.substring(0, file.length() - ".html".length());
        assertTrue(!RESERVED.matcher(stem).matches() && !stem.endsWith(".") && !stem.endsWith(" "), id + " -> " + file);
    }

    @Test
    void reservedNameGetsTheHashOfTheExactId() {
        assertEquals("con-1143da2b.html", name("con"));
        assertEquals("CON-a3dbc4b6.html", name("CON"));
    }

    @Test
    void idsDifferingOnlyInCaseGetNamesDifferingBeyondCase() {
        SafeFileNames names = new SafeFileNames();
        String lower = names.fileNameFor("alice");
        String upper = names.fileNameFor("Alice");
        String shout = names.fileNameFor("ALICE");
        assertEquals("alice.html", lower);
        assertEquals("Alice-3bc51062.html", upper);
        Set<String> folded = new HashSet<>();
        for (String n : List.of(lower, upper, shout)) {
            folded.add(n.toLowerCase(Locale.ROOT));
        }
        assertEquals(3, folded.size());
    }

    @Test
    void idsDifferingOnlyInRemovedCharactersGetDistinctNames() {
        assertEquals("Zhang_San-025e3852.html", name("Zhang.San"));
        assertNotEquals(name("zhang.san"), name("zhang/san"));
        assertNotEquals(name("zhang san"), name("zhang_san"));
        assertEquals("zhang_san.html", name("zhang_san"));
    }

    @Test
    void plainIdShapedLikeAHashedNameIsHashedToo() {
        // Otherwise "alice-0f0f0f0f" could be the hashed name of another id.
        assertEquals("alice-0f0f0f0f-8e93d50d.html", name("alice-0f0f0f0f"));
    }

    @Test
    void veryLongIdsAreCutAndHashed() {
        String longLatin = "a".repeat(300);
        String file = name(longLatin);
        assertEquals("a".repeat(80) + "-", file.substring(0, 81));
        assertTrue(file.matches("a{80}-[0-9a-f]{8}\\.html"), file);
        assertNotEquals(file, name("a".repeat(301)));
        String longChinese = "客服".repeat(100);
        String cjk = name(longChinese);
        assertTrue(cjk.getBytes(StandardCharsets.UTF_8).length <= 255, cjk);
        assertTrue(cjk.startsWith("客服客服"), cjk);
        String surrogates = name("𠀀".repeat(100));
        assertTrue(surrogates.getBytes(StandardCharsets.UTF_8).length <= 255, surrogates);
        assertTrue(surrogates.startsWith("𠀀"), surrogates);
    }

    @Test
    void missingIdsShareOneFixedNameThatNoRealIdTakes() {
        SafeFileNames names = new SafeFileNames();
        assertEquals("unknown-agent.html", names.fileNameFor(null));
        assertEquals("unknown-agent.html", names.fileNameFor(""));
        assertEquals("unknown-agent.html", names.fileNameFor("  \t"));
        assertEquals("unknown-agent-a8979145.html", names.fileNameFor("unknown-agent"));
    }

    @Test
    void sameIdsGetSameNamesInAnyOrder() {
        List<String> ids = new ArrayList<>(List.of("alice", "Alice", "ALICE", "客服小王", "客服 小王", "con", "../x", "x", "X", "a.b", "a_b"));
        Map<String, String> first = assign(ids);
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(ids, new java.util.Random(seed));
            assertEquals(first, assign(ids));
        }
        assertEquals(ids.size(), new HashSet<>(first.values()).size());
    }

    private static Map<String, String> assign(List<String> ids) {
        SafeFileNames names = new SafeFileNames();
        ids.forEach(names::fileNameFor);
        return names.assignments();
    }

    @Test
    void repeatedLookupsReturnTheRememberedName() {
        SafeFileNames names = new SafeFileNames();
        String first = names.fileNameFor("Alice");
        assertEquals(first, names.fileNameFor("Alice"));
        assertEquals(Map.of("Alice", first), names.assignments());
    }

    @Test
    void extensionIsConfigurableButMustBeHarmless() {
        assertEquals("alice.csv", new SafeFileNames(".csv").fileNameFor("alice"));
        assertEquals("alice", new SafeFileNames("").fileNameFor("alice"));
        assertThrows(IllegalArgumentException.class, () -> new SafeFileNames("/../x"));
        assertThrows(IllegalArgumentException.class, () -> new SafeFileNames("html"));
    }
}
