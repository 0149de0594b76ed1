package org.openprofiles.adapter.jdbc.shared;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Every table of the service's schema copied out of one database snapshot and back in with
 * PostgreSQL's {@code COPY} (text format), found from the catalog rather than listed here, so
 * that tables added by later migrations are backed up without a code change. Tables come in
 * foreign-key order (a referenced table before the tables that reference it); Flyway's own
 * history is left out (a restore re-creates the schema by migrating).
 */
public final class TableCopies {

    /** The schema history Flyway keeps; not data. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** A table and the columns a copy carries (generated columns are computed again, not copied). */
    public record Table(String name, List<String> columns) {}

    /** A sequence's position: restored so that new ids continue where the copied data left off. */
    public record SequenceState(String name, Optional<Long> lastValue) {}

    /** Receives each table's copy. */
    public interface Sink {
        /** Where the rows of {@code table} go (text COPY format, one row per line). */
        OutputStream open(Table table) throws IOException;

        /** The table is complete with {@code rows} rows. */
        void done(Table table, long rows) throws IOException;
    }

    private TableCopies() {}

    /**
     * Starts the snapshot every later read on {@code connection} sees: one repeatable-read,
     * read-only transaction, so the copy is consistent while the server keeps writing.
     */
    public static void beginSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            // The first query fixes the snapshot.
            statement.execute("SELECT 1");
        }
    }

    /** The schema's tables in foreign-key order, without Flyway's history. */
    public static List<Table> tables(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.relname, a.attname
                  FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                   AND c.relname <> ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                 ORDER BY c.relname, a.attnum
                """)) {
            query.setString(1, HISTORY_TABLE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        }
        Map<String, Set<String>> references = new HashMap<>();
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("""
                     SELECT c.relname, r.relname
                       FROM pg_constraint k
                       JOIN pg_class c ON c.oid = k.conrelid
                       JOIN pg_class r ON r.oid = k.confrelid
                       JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.oid <> r.oid
                     """)) {
            while (rows.next()) {
                references
                        .computeIfAbsent(rows.getString(1), t -> new HashSet<>())
                        .add(rows.getString(2));
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        TreeSet<String> left = new TreeSet<>(columns.keySet());
        while (!left.isEmpty()) {
            String next = left.stream()
                    .filter(t -> placed.containsAll(references.getOrDefault(t, Set.of()).stream()
                            .filter(columns::containsKey)
                            .toList()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among " + left));
            ordered.add(new Table(next, List.copyOf(columns.get(next))));
            placed.add(next);
            left.remove(next);
        }
        return ordered;
    }

    /** Exact row counts in the current transaction's snapshot, for progress. */
    public static Map<String, Long> rowCounts(Connection connection, List<Table> tables) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Table table : tables) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM " + quote(table.name()))) {
                    row.next();
                    counts.put(table.name(), row.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The schema's sequences (identity columns included) and where each stands. */
    public static List<SequenceState> sequences(Connection connection) throws SQLException {
        List<SequenceState> states = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                     SELECT sequencename, last_value FROM pg_sequences
                      WHERE schemaname = current_schema() ORDER BY sequencename
                     """)) {
            while (rows.next()) {
                long value = rows.getLong(2);
                // Asked at once: wasNull() answers for the column read last. A sequence never used
                // has no last value (NULL), and must not come back as 0, which is out of its range.
                Optional<Long> lastValue = rows.wasNull() ? Optional.empty() : Optional.of(value);
                states.add(new SequenceState(rows.getString(1), lastValue));
            }
        }
        return states;
    }

    /** Copies one table out; {@code progress} hears the rows copied so far, now and then. */
    public static long copyOut(Connection connection, Table table, OutputStream out, LongConsumer progress)
            throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        RowCountingStream counting = new RowCountingStream(out, progress);
        long rows = copy.copyOut("COPY " + quote(table.name()) + " (" + columnList(table) + ") TO STDOUT", counting);
        progress.accept(rows);
        return rows;
    }

    /** Empties every table (and restarts identities) so that a restore starts from nothing. */
    public static void truncateAll(Connection connection, List<Table> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "TRUNCATE " + tables.stream().map(t -> quote(t.name())).collect(Collectors.joining(", "))
                            + " RESTART IDENTITY CASCADE");
        }
    }

    /** Copies one table's rows in; returns how many. */
    public static long copyIn(Connection connection, Table table, InputStream in) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        return copy.copyIn("COPY " + quote(table.name()) + " (" + columnList(table) + ") FROM STDIN", in);
    }

    /** Puts each sequence back where the backup found it. */
    public static void restoreSequences(Connection connection, List<SequenceState> states) throws SQLException {
        try (PreparedStatement setval = connection.prepareStatement("SELECT setval(quote_ident(?), ?, true)")) {
            for (SequenceState state : states) {
                if (state.lastValue().isPresent()) {
                    setval.setString(1, state.name());
                    setval.setLong(2, state.lastValue().get());
                    setval.execute();
                }
            }
        }
    }

    /** True when the table has at least one row. */
    public static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(table) + ")")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** Identifiers come from the catalog, never from input; quoting still keeps odd names intact. */
    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String columnList(Table table) {
        return table.columns().stream().map(TableCopies::quote).collect(Collectors.joining(", "));
    }

    /** Counts rows as COPY writes them (text format: one line per row) to report progress. */
    private static final class RowCountingStream extends FilterOutputStream {
        private final LongConsumer progress;
        private long rows;

        RowCountingStream(OutputStream out, LongConsumer progress) {
            super(out);
            this.progress = progress;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            for (int i = offset; i < offset + length; i++) {
                count(bytes[i]);
            }
        }

        private void count(int b) {
            if (b == '\n' && ++rows % 10_000 == 0) {
                progress.accept(rows);
            }
        }
    }
}
