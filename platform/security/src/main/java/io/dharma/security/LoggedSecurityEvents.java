package io.dharma.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Security events as log lines (logger {@code io.dharma.security.events}). */
public final class LoggedSecurityEvents implements SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("io.dharma.security.events");

    @Override
    public void record(SecurityAction action) {
        log(action);
    }

    static void log(SecurityAction action) {
        log.info("{} tenant={} subject={} by={}{} {}", action.kind(), action.tenant(), action.subject(),
                action.actor() == null ? "-" : action.actor(),
                action.actorTenant() == null ? "" : "@" + action.actorTenant(), action.details());
    }
}
