package io.dharma.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Recognises "the database cannot be reached", whichever layer reports it (pool, transactions, driver). */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            // SQL state class 08 = connection exception, 57P = operator intervention (server shutting down)
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
