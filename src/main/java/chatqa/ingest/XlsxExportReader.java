package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import chatqa.model.SourceRef;

/**
 * Reads Excel workbooks (.xlsx) as a stream of SAX events, one sheet row at a time, so a month of a
 * big shop's chats is never a workbook in memory (only its shared-string table is). The sheet read
 * is the mapping's {@code sheet}, else the first whose header row has every column the mapping
 * names (the Pinduoduo export's 消息明细 beside its 会话 summary), else the first. A row's "line"
 * is its row number in Excel. Dates are written yyyy-MM-dd HH:mm:ss whatever the cell's display
 * format, so the timestamp parser reads them as Excel shows them.
 */
final class XlsxExportReader implements ExportReader {
    private final ExportMapping mapping;
    private final RowValidator validator;

    XlsxExportReader(ExportMapping mapping, RowValidator validator) {
        this.mapping = mapping;
        this.validator = validator;
    }

    @Override
    public FileRead read(InputStream in, InputFile file, RowSink sink) throws IOException {
        // A zip is read by its directory at the end: the stream goes to a local file first (in a
        // Spark task too), never into memory.
        Path local = Files.createTempFile("chatqa-", ".xlsx");
        try {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage pkg = OPCPackage.open(local.toFile(), PackageAccess.READ)) {
                Book book = Book.of(pkg);
                String sheet = chooseSheet(book);
                readSheet(book, sheet, file, sink);
            } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
                sink.quarantine(new QuarantinedRow(file.path(), 1, QuarantineReason.BAD_WORKBOOK, null,
                        "not a readable Excel workbook (.xlsx): " + e.getMessage(), ""));
            }
        } finally {
            Files.deleteIfExists(local);
        }
        return new FileRead(FileEncoding.UTF_8, validator.timeOnlyDated());
    }

    /** The names and header rows of a workbook's sheets, for choosing one and for --mapping auto. */
    static List<Sheet> sheets(Path workbook) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
            Book book = Book.of(pkg);
            List<Sheet> out = new ArrayList<>();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) book.reader().getSheetsData();
            while (it.hasNext()) {
                try (InputStream sheet = it.next()) {
                    out.add(new Sheet(it.getSheetName(), firstRow(book, sheet)));
                }
            }
            return out;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException(workbook + ": not a readable Excel workbook: " + e.getMessage(), e);
        }
    }

    /** A sheet's name and its first row. */
    record Sheet(String name, List<String> header) {
    }

    /** A workbook open for reading: its parts, styles and shared strings, read once. */
    private record Book(XSSFReader reader, StylesTable styles, ReadOnlySharedStringsTable strings) {
        static Book of(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
            XSSFReader reader = new XSSFReader(pkg);
            return new Book(reader, reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg, false));
        }
    }

    private String chooseSheet(Book book) throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        List<String> named = LayoutDetection.namedColumns(mapping);
        String first = null;
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) book.reader().getSheetsData();
        while (it.hasNext()) {
            try (InputStream sheet = it.next()) {
                String name = it.getSheetName();
                if (mapping.sheet() != null) {
                    if (mapping.sheet().equals(name)) {
                        return name;
                    }
                    continue;
                }
                first = first == null ? name : first;
                List<String> header = firstRow(book, sheet).stream()
                        .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                if (header.containsAll(named)) {
                    return name;
                }
            }
        }
        if (mapping.sheet() != null) {
            throw new IllegalArgumentException("the workbook has no sheet '" + mapping.sheet() + "' (the mapping's sheet)");
        }
        return first;
    }

    private static List<String> firstRow(Book book, InputStream sheet)
            throws IOException, SAXException, ParserConfigurationException {
        List<List<String>> rows = new ArrayList<>();
        try {
            parse(book, sheet, (row, cells) -> {
                rows.add(cells);
                throw new StopReading();
            });
        } catch (StopReading done) {
            // the header is all that was wanted
        }
        return rows.isEmpty() ? List.of() : rows.get(0);
    }

    private void readSheet(Book book, String wanted, InputFile file, RowSink sink)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) book.reader().getSheetsData();
        while (it.hasNext()) {
            try (InputStream sheet = it.next()) {
                if (!it.getSheetName().equals(wanted)) {
                    continue;
                }
                HeaderLayout[] layout = {mapping.header() ? null : HeaderLayout.byIndex(mapping)};
                parse(book, sheet, (row, cells) -> {
                    if (cells.stream().allMatch(String::isBlank)) {
                        return;
                    }
                    if (layout[0] == null) {
                        layout[0] = HeaderLayout.fromHeader(cells, mapping, validator.hasDay());
                        return;
                    }
                    layout[0].emit(cells, new SourceRef(file.path(), file.index(), row + 1), String.join("\t", cells), sink, validator);
                });
                return;
            }
        }
    }

    /** One row of a sheet: its 0-based number and its cells, empty strings for the blank ones. */
    private interface RowConsumer {
        void row(int row, List<String> cells);
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    private static void parse(Book book, InputStream sheet, RowConsumer consumer)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new XSSFSheetXMLHandler(book.styles(), null, book.strings(), new XSSFSheetXMLHandler.SheetContentsHandler() {
            private final List<String> cells = new ArrayList<>();
            private int row;

            @Override
            public void startRow(int rowNum) {
                row = rowNum;
                cells.clear();
            }

            @Override
            public void endRow(int rowNum) {
                consumer.row(row, List.copyOf(cells));
            }

            @Override
            public void cell(String ref, String value, XSSFComment comment) {
                int col = ref == null ? cells.size() : new CellReference(ref).getCol();
                while (cells.size() < col) {
                    cells.add("");
                }
                cells.add(value == null ? "" : value);
            }
        }, new IsoDates(), false));
        xml.parse(new InputSource(sheet));
    }

    /** Formats cells as Excel shows them, except dates, which come out yyyy-MM-dd HH:mm:ss. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                java.time.LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
