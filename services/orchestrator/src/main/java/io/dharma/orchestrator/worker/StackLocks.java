package io.dharma.orchestrator.worker;

import io.dharma.database.AdvisoryLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL session advisory lock of a stack (blueprint), keyed by
 * ({@link AdvisoryLocks#STACK}, hashtext(blueprintId)). A deployment worker holds it exclusively while it runs a deployment of
 * the stack; the drift observer holds it shared while it reads the stack, so a deployment never
 * starts in the middle of an observation and an observation never reads a stack mid-apply.
 * Session locks belong to the connection: use one connection of its own, not a pooled transaction.
 */
public final class StackLocks {

    private StackLocks() {
    }

    /** Takes the exclusive lock if no other session holds the stack in any mode. */
    public static boolean tryLock(Connection connection, String blueprintId) throws SQLException {
        return call(connection, "pg_try_advisory_lock", blueprintId);
    }

    public static void unlock(Connection connection, String blueprintId) throws SQLException {
        call(connection, "pg_advisory_unlock", blueprintId);
    }

    /** Takes a shared lock if no session holds the stack exclusively (other shared holders are fine). */
    public static boolean tryLockShared(Connection connection, String blueprintId) throws SQLException {
        return call(connection, "pg_try_advisory_lock_shared", blueprintId);
    }

    public static void unlockShared(Connection connection, String blueprintId) throws SQLException {
        call(connection, "pg_advisory_unlock_shared", blueprintId);
    }

    private static boolean call(Connection connection, String function, String blueprintId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?, hashtext(?))")) {
            statement.setInt(1, AdvisoryLocks.STACK.space());
            statement.setString(2, blueprintId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
