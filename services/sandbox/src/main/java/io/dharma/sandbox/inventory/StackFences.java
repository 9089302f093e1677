package io.dharma.sandbox.inventory;

import static io.dharma.sandbox.db.Tables.STACK_FENCE;

import io.dharma.executor.Stack;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The highest fencing token seen per stack ({@link Stack#fencingToken()}), in the sandbox's own
 * table. Run inside the transaction of the change the token guards: the row stays locked until it
 * commits.
 */
public class StackFences {

    private final DSLContext db;

    public StackFences(DSLContext db) {
        this.db = db;
    }

    /** Raises the stack's highest token to the call's if that is higher; returns the highest now. */
    public long raise(Stack stack, OffsetDateTime now) {
        return db.insertInto(STACK_FENCE)
                .set(STACK_FENCE.TENANT_ID, stack.tenantId())
                .set(STACK_FENCE.BLUEPRINT_ID, stack.blueprintId())
                .set(STACK_FENCE.HIGHEST_TOKEN, stack.fencingToken())
                .set(STACK_FENCE.UPDATED_AT, now)
                .onConflict(STACK_FENCE.TENANT_ID, STACK_FENCE.BLUEPRINT_ID)
                .doUpdate()
                .set(STACK_FENCE.HIGHEST_TOKEN, DSL.greatest(STACK_FENCE.HIGHEST_TOKEN, DSL.val(stack.fencingToken())))
                .set(STACK_FENCE.UPDATED_AT, now)
                .returning(STACK_FENCE.HIGHEST_TOKEN)
                .fetchOne(STACK_FENCE.HIGHEST_TOKEN);
    }
}
