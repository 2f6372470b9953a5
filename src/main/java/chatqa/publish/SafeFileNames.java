package chatqa.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * File names of the per-agent pages of one report. Agent ids come from the shops' exports and
 * can be anything — {@code ../../etc/passwd}, {@code CON}, 80 characters of Chinese, two ids that
 * differ only in case — while the names must stay inside the report folder, open on Windows and
 * macOS (case-insensitive) and remain readable, so 客服小王 keeps its name.
 *
 * <p>An id that is already a plain name (lower-case letters of any script, digits, {@code -} and
 * {@code _}, at most 80 characters, not reserved) is used as it is. Any other id is cleaned and
 * gets {@code -} and the first 8 hex digits of the SHA-256 of the exact id appended, so ids that
 * clean to the same text ({@code Alice}, {@code alice}, {@code a/lice}) still get distinct names.
 * Because that decision depends only on the id, the same set of ids gets the same names in any
 * order. Null and blank ids all share {@value #UNKNOWN}.
 *
 * <p>One instance per report: it remembers the names it gave. In the astronomically rare case of
 * two ids with the same 8-digit hash the later id gets the full 16-digit hash instead of
 * overwriting the other's page. Not thread-safe.
 */
public final class SafeFileNames {
    /** Base name for a missing agent id. Reserved: an agent really called so gets a hash. */
    public static final String UNKNOWN = "unknown-agent";
    private static final int MAX_CHARS = 80;
    /** Keeps the name (plus hash and extension) under the 255-byte limit of ext4, NTFS and APFS. */
    private static final int MAX_UTF8_BYTES = 200;
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}_-]+");
    private static final Pattern EDGE = Pattern.compile("^[-_\\p{M}]+|[-_]+$");
    /** Device names Windows refuses as files whatever the extension (CON.html is CON). */
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)con|prn|aux|nul|com\\d|lpt\\d");
    /** Names the hashing rule produces; a plain id of this shape could collide with one, so it is hashed too. */
    private static final Pattern LOOKS_HASHED = Pattern.compile(".*-[0-9a-f]{8}(?:[0-9a-f]{8})?");
    private static final Pattern EXTENSION = Pattern.compile("|\\.[a-z0-9]{1,10}");

    private final String extension;
    private final Map<String, String> byId = new HashMap<>();
    private final Map<String, String> idByName = new HashMap<>();

    /** Names ending in {@code .html}. */
    public SafeFileNames() {
        this(".html");
    }

    /** Names ending in {@code extension}: empty, or a dot and up to 10 lower-case letters and digits. */
    public SafeFileNames(String extension) {
        Objects.requireNonNull(extension, "extension");
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("extension must be empty or like .html, got '" + extension + "'");
        }
        this.extension = extension;
    }

    /** The file name (no folder) of the page for {@code agentId}; the same id always gets the same name. */
    public String fileNameFor(String agentId) {
        String key = agentId == null || agentId.isBlank() ? "" : agentId;
        String known = byId.get(key);
        if (known != null) {
            return known;
        }
        String name = baseName(key) + extension;
        String holder = idByName.get(name.toLowerCase(Locale.ROOT));
        if (holder != null && !holder.equals(key)) {
            name = clean(key) + "-" + hash(key, 16) + extension;
        }
        byId.put(key, name);
        idByName.put(name.toLowerCase(Locale.ROOT), key);
        return name;
    }

    /** Every id given a name so far and its name, sorted by id (blank ids under ""), e.g. for an index page. */
    public Map<String, String> assignments() {
        return new TreeMap<>(byId);
    }

    private static String baseName(String id) {
        if (id.isEmpty()) {
            return UNKNOWN;
        }
        String cleaned = clean(id);
        boolean plain = cleaned.equals(id) && cleaned.toLowerCase(Locale.ROOT).equals(id)
                && !WINDOWS_RESERVED.matcher(id).matches() && !LOOKS_HASHED.matcher(id).matches() && !id.equals(UNKNOWN);
        return plain ? id : cleaned + "-" + hash(id, 8);
    }

    /**
     * Letters of any script, digits, {@code -} and {@code _}; every other run of characters (dots,
     * slashes, spaces, control and format characters) becomes one {@code _}. NFC first, so the
     * composed and decomposed spellings that macOS treats as one name are cleaned alike.
     */
    private static String clean(String id) {
        String nfc = Normalizer.normalize(id, Normalizer.Form.NFC);
        String cleaned = EDGE.matcher(NOT_ALLOWED.matcher(nfc).replaceAll("_")).replaceAll("");
        cleaned = truncate(cleaned);
        return cleaned.isEmpty() ? "agent" : cleaned;
    }

    /** At most {@value #MAX_CHARS} code points and {@value #MAX_UTF8_BYTES} UTF-8 bytes, never splitting a character. */
    private static String truncate(String s) {
        int end = 0;
        int chars = 0;
        int bytes = 0;
        while (end < s.length() && chars < MAX_CHARS) {
            int cp = s.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > MAX_UTF8_BYTES) {
                break;
            }
            bytes += size;
            chars++;
            end += Character.charCount(cp);
        }
        return EDGE.matcher(s.substring(0, end)).replaceAll("");
    }

    private static String hash(String id, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
