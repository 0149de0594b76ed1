package org.openprofiles.adapter.rest.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A logged failure keeps its classes and frames but not the values a database failure carries. */
class RedactedTest {

    @Test
    void databaseMessagesAreReplacedByTheirSqlStateAndOtherMessagesKept() {
        SQLException sql = new SQLException("Key (login)=(alice@example.org) already exists", "23505");
        IllegalStateException failure = new IllegalStateException("while saving", sql);
        Throwable redacted = Redacted.of(failure);
        StringWriter printed = new StringWriter();
        redacted.printStackTrace(new PrintWriter(printed));
        String log = printed.toString();
        assertFalse(log.contains("alice@example.org"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: while saving"), log);
        assertTrue(log.contains("java.sql.SQLException: [redacted] SQLSTATE 23505"), log);
        assertArrayEquals(failure.getStackTrace(), redacted.getStackTrace());
    }
}
