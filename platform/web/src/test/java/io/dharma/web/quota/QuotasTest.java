package io.dharma.web.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dharma.web.ApiException;
import org.junit.jupiter.api.Test;

class QuotasTest {

    private final Map<String, Long> blueprintsByTenant = new HashMap<>();
    private final TenantQuota blueprints = new TenantQuota() {
        @Override
        public String name() {
            return BLUEPRINTS;
        }

        @Override
        public long used(String tenant) {
            return blueprintsByTenant.getOrDefault(tenant, 0L);
        }
    };
    private final Quotas quotas = new Quotas(new QuotaProperties(3, 100, 200, 100, 50,
            Map.of("team-b", Map.of("blueprints", 10L))), () -> List.of(blueprints));

    @Test
    void creatingBeyondTheLimitIsRefusedWith403NamingTheQuotaUsedAndLimit() {
        blueprintsByTenant.put("team-a", 2L);
        quotas.requireRoom(blueprints, "team-a");

        blueprintsByTenant.put("team-a", 3L);
        assertThatThrownBy(() -> quotas.requireRoom(blueprints, "team-a"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("quota.exceeded");
                    assertThat(e.error().status().value()).isEqualTo(403);
                    assertThat(e.properties()).containsEntry("quota", "blueprints").containsEntry("used", 3L)
                            .containsEntry("limit", 3L);
                });
    }

    @Test
    void aTenantMayHaveItsOwnLimit() {
        blueprintsByTenant.put("team-b", 3L);

        quotas.requireRoom(blueprints, "team-b");

        assertThat(quotas.usageOf("team-b")).containsExactly(new QuotaUsage("blueprints", 3, 10));
    }

    @Test
    void everyQuotaNameHasADefault() {
        QuotaProperties defaults = new QuotaProperties(1000, 100, 200, 100, 50, Map.of());

        assertThat(List.of(TenantQuota.BLUEPRINTS, TenantQuota.DEPLOYMENTS, TenantQuota.POLICIES, TenantQuota.API_KEYS,
                TenantQuota.SSE_STREAMS)).extracting(name -> defaults.limit(name, "any"))
                .containsExactly(1000L, 100L, 200L, 100L, 50L);
    }
}
