package io.dharma.security.apikeys;

import io.dharma.web.quota.CountedQuota;

/** The tenant's live API keys: neither revoked nor expired. */
public class ApiKeyQuota extends CountedQuota {

    public ApiKeyQuota(ApiKeyStore keys) {
        super(API_KEYS, keys::countLive);
    }
}
