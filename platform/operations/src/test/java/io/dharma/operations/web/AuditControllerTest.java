package io.dharma.operations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import io.dharma.operations.BlueprintAudit;
import io.dharma.operations.ClusterAccess;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What the audit endpoint refuses before it opens a consumer (none of these reach Kafka). */
class AuditControllerTest {

    private static final Caller CALLER = new Caller("team-a", "alice", Set.of("auditor"));
    private static final BlueprintAudit UNREACHABLE = new BlueprintAudit(new ClusterAccess("127.0.0.1:1", "http://127.0.0.1:1"));

    @Test
    void aReadBeyondTheConcurrentReadsIsAnsweredBusyNotQueued() {
        AuditController controller = new AuditController(UNREACHABLE, 0);

        assertThatThrownBy(() -> controller.timeline(CALLER, "bp-1", null, 10))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().code()).isEqualTo("audit.busy"));
    }

    @Test
    void aLimitOutOfRangeOrAForeignCursorIsAnInvalidQuery() {
        AuditController controller = new AuditController(UNREACHABLE, 0);

        List<ThrowingCallable> calls = List.of(
                () -> controller.timeline(CALLER, "bp-1", null, 0),
                () -> controller.timeline(CALLER, "bp-1", null, 1001),
                () -> controller.timeline(CALLER, "bp-1", "bm90LWEtY3Vyc29y", 10));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.error().code()).isEqualTo("query.invalid-parameter"));
        }
    }
}
