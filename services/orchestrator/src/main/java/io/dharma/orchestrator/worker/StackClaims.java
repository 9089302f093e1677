package io.dharma.orchestrator.worker;

import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.orchestrator.state.DeploymentStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims a stack (blueprint) for one worker with its exclusive {@link StackLocks stack lock}, held on a
 * connection of its own for as long as the deployment runs. Another worker, in this instance or
 * any other, cannot take the lock, so a stack runs one deployment at a time; if the process dies,
 * PostgreSQL ends the session and releases the lock at once, and the next worker resumes the
 * deployment from its persisted state.
 *
 * <p>Each claim raises the stack's fencing token ({@link BlueprintJoinStore#nextFencingToken}) once it
 * holds the lock. The lock alone cannot stop a worker whose connection was cut while its executor
 * call runs on; the token, passed with every executor call, lets the executor refuse that worker's
 * calls once a newer claim has reached it.
 */
final class StackClaims {

    private static final Logger log = LoggerFactory.getLogger(StackClaims.class);

    private static final int CANDIDATES = 100;

    private final DataSource dataSource;
    private final DeploymentStore deployments;
    private final BlueprintJoinStore blueprints;
    private final TransactionTemplate transactions;

    StackClaims(DataSource dataSource, DeploymentStore deployments, BlueprintJoinStore blueprints,
            TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.deployments = deployments;
        this.blueprints = blueprints;
        this.transactions = transactions;
    }

    /** The oldest runnable deployment of a stack no other worker holds, with that stack locked. */
    Optional<Claim> claimNext() throws SQLException {
        var candidates = transactions.execute(status -> deployments.runnable(CANDIDATES));
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            for (DeploymentStore.Runnable candidate : candidates) {
                if (StackLocks.tryLock(connection, candidate.blueprintId())) {
                    long token = transactions.execute(status -> blueprints.nextFencingToken(candidate.blueprintId()));
                    return Optional.of(new Claim(connection, candidate.deploymentId(), candidate.blueprintId(), token));
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /**
     * A locked stack and the deployment to run on it; closing it releases the lock.
     *
     * @param connection   the session holding the stack lock
     * @param fencingToken the token every executor call of this claim carries
     */
    record Claim(Connection connection, UUID deploymentId, String blueprintId, long fencingToken)
            implements AutoCloseable {

        /**
         * False once the lock's session is gone (database restarted, connection cut): another worker
         * may then claim the stack, so this one must stop.
         */
        boolean stillHeld() {
            try {
                return connection.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        public void close() {
            try (connection) {
                StackLocks.unlock(connection, blueprintId);
            } catch (SQLException e) {
                // A broken connection took the session, and the lock with it.
                log.warn("Could not release the stack lock of {} cleanly: {}", blueprintId, e.toString());
            }
        }
    }
}
