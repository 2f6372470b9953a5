package chatqa.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import chatqa.warehouse.SqlQuery;

/**
 * {@code chatqa sql} without a query: one Spark start, then query after query at a prompt. A
 * statement ends with {@code ;} and may span lines; {@code \views} lists the tables and views,
 * {@code \q} (or end of input) leaves. On a terminal the line can be edited and earlier queries
 * come back with the arrow keys, kept in {@code ~/.chatqa_sql_history}; piped input is read as is.
 * A refused or failing query prints its message and the prompt carries on.
 */
public final class SqlPrompt {
    /** Where lines come from: a terminal's line editor or plain input. */
    public interface Lines {
        /** The next line, or null at the end of the input. */
        String read(String prompt) throws IOException;
    }

    private final SqlQuery queries;
    private final QueryOutput.Format format;
    private final int limit;

    public SqlPrompt(SqlQuery queries, QueryOutput.Format format, int limit) {
        this.queries = queries;
        this.format = format;
        this.limit = limit;
    }

    /** Reads and answers statements until {@code \q} or the end of the input; returns how many ran. */
    public int run(Lines in, PrintStream out) throws IOException {
        out.println("chatqa sql: tables and views " + String.join(", ", queries.views()));
        out.println("end a statement with ; (it may span lines); \\views lists them again; \\q leaves");
        StringBuilder statement = new StringBuilder();
        int answered = 0;
        while (true) {
            String line = in.read(statement.isEmpty() ? "chatqa> " : "     -> ");
            if (line == null) {
                return answered;
            }
            String t = line.strip();
            if (statement.isEmpty() && (t.equals("\\q") || t.equalsIgnoreCase("quit") || t.equalsIgnoreCase("exit"))) {
                return answered;
            }
            if (statement.isEmpty() && t.equals("\\views")) {
                out.println(String.join(", ", queries.views()));
                continue;
            }
            statement.append(line).append('\n');
            if (!t.endsWith(";")) {
                continue;
            }
            String sql = statement.toString().strip();
            statement.setLength(0);
            sql = sql.substring(0, sql.length() - 1).strip();
            if (sql.isEmpty()) {
                continue;
            }
            long start = System.nanoTime();
            try {
                QueryOutput.write(queries.run(sql), format, null, limit, out);
                answered++;
                out.printf(java.util.Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - start) / 1e9);
            } catch (SqlQuery.BadQuery e) {
                out.println("error: " + e.getMessage());
            } catch (RuntimeException e) {
                out.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    /** Lines from piped or redirected input. */
    public static Lines plain(BufferedReader in) {
        return prompt -> in.readLine();
    }

    /** Lines from the user's terminal, with editing and a history file. */
    public static Lines terminal(Path history) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).variable(LineReader.HISTORY_FILE, history).build();
        return prompt -> {
            try {
                return reader.readLine(prompt);
            } catch (EndOfFileException e) {
                return null;
            } catch (UserInterruptException e) {
                // Ctrl-C abandons the line being typed, as in other SQL shells; Ctrl-D leaves.
                return "";
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }
}
