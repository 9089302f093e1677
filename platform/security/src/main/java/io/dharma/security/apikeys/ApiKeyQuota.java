package io.dharma.security.apikeys;

import io.dharma.web.quota.TenantQuota;

/** The tenant's live API keys: neither revoked nor expired. */
public class ApiKeyQuota implements TenantQuota {

    private final ApiKeyStore keys;

    public ApiKeyQuota(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return API_KEYS;
    }

    @Override
    public long used(String tenant) {
        return keys.countLive(tenant);
    }
}
