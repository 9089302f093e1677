package io.dharma.database;

/**
 * Every PostgreSQL advisory lock Dharma takes, in one place. Advisory locks share one key space per
 * database, whichever schema or service takes them, so two features that picked the same key would
 * silently exclude each other (or, worse, one would believe it holds what the other holds). Adding a
 * lock means adding a constant here; {@code AdvisoryLocksTest} keeps the keys distinct.
 *
 * <p>PostgreSQL keeps the two forms apart: a {@link Form#WHOLE} lock is one {@code bigint} key
 * ({@code pg_advisory_lock(bigint)}), a {@link Form#PER_NAME} lock is a space of two-int keys
 * ({@code pg_advisory_lock(space, hashtext(name))}), one lock per name in the space.
 */
public enum AdvisoryLocks {

    /** One platform outbox relay publishes at a time ("dhoutbox", transaction-scoped). */
    OUTBOX_RELAY(Form.WHOLE, 0x6468_6f75_7462_6f78L),
    /** One scheduled drift observation round at a time across orchestrators ("dharmaob", session). */
    DRIFT_ROUND(Form.WHOLE, 0x6468_6172_6d61_6f62L),
    /**
     * A stack (blueprint) per name ("DHOR"): held exclusively by the deployment worker running it,
     * shared by the drift observer reading it (session locks).
     */
    STACK(Form.PER_NAME, 0x4448_4f52),
    /** One purge of a table at a time, per qualified table name ("DHHK", transaction-scoped). */
    RETENTION_PURGE(Form.PER_NAME, 0x4448_484b);

    /** Whether the lock is one key or a space of keys, one per name. */
    public enum Form { WHOLE, PER_NAME }

    private final Form form;
    private final long key;

    AdvisoryLocks(Form form, long key) {
        this.form = form;
        this.key = key;
    }

    public Form form() {
        return form;
    }

    /** The {@code bigint} key of a {@link Form#WHOLE} lock. */
    public long key() {
        if (form != Form.WHOLE) {
            throw new IllegalStateException(this + " is a space of per-name locks: use space() and hashtext(name)");
        }
        return key;
    }

    /** The first {@code int} key of a {@link Form#PER_NAME} lock; the second is {@code hashtext(name)}. */
    public int space() {
        if (form != Form.PER_NAME) {
            throw new IllegalStateException(this + " is a single lock: use key()");
        }
        return (int) key;
    }
}
