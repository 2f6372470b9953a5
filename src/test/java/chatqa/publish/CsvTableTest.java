package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/** CSV for Excel: BOM, neutralised formulas, short numbers, Chinese intact. */
class CsvTableTest {
    @TempDir
    Path tmp;

    @Test
    void tinyNegativesPrintAsZero() {
        assertEquals("0", CsvTable.cell(-0.00001));
        assertEquals("0", CsvTable.cell(-0.0));
        assertEquals("-0.0001", CsvTable.cell(-0.0001));
    }

    @Test
    void writesBomEscapesAndNeutralisesFormulas() throws IOException, CsvException {
        Path file = tmp.resolve("out.csv");
        CsvTable.write(file, List.of("agent", "note", "rate", "count"), List.<Object[]>of(
                new Object[] {"客服8号", "=HYPERLINK(\"x\")", 0.333333333, 12L},
                new Object[] {"a,\"b\"", "+86 138", 1.0, null},
                new Object[] {"-1", "@SUM(A1)", 0.25, 3}));
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        List<String[]> rows = new CSVReader(new StringReader(new String(bytes, StandardCharsets.UTF_8).substring(1))).readAll();
        assertArrayEquals(new String[] {"agent", "note", "rate", "count"}, rows.get(0));
        assertArrayEquals(new String[] {"客服8号", "'=HYPERLINK(\"x\")", "0.3333", "12"}, rows.get(1));
        assertArrayEquals(new String[] {"a,\"b\"", "'+86 138", "1", ""}, rows.get(2));
        assertArrayEquals(new String[] {"'-1", "'@SUM(A1)", "0.25", "3"}, rows.get(3));
        assertEquals(List.of(), Files.list(tmp).filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
    }
}
