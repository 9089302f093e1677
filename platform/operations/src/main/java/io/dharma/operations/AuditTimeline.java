package io.dharma.operations;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Everything that happened to one blueprint on the public topics, oldest first. */
public record AuditTimeline(String blueprintId, List<AuditEntry> entries) {

    public AuditTimeline {
        entries = List.copyOf(entries);
    }

    /** The tenants the blueprint's events name; one for any blueprint intake accepted. */
    public Set<String> tenants() {
        return entries.stream().map(AuditEntry::tenantId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    public boolean belongsTo(String tenant) {
        return !entries.isEmpty() && tenants().equals(Set.of(tenant));
    }
}
