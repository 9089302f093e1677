package io.dharma.security.apikeys;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.dharma.events.SecurityEventKind;
import io.dharma.security.Role;
import io.dharma.security.SecurityAction;
import io.dharma.security.SecurityEvents;
import io.dharma.web.ApiError;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.web.CommonApiError;
import io.dharma.web.ProblemType;
import io.dharma.web.quota.Quotas;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys of a tenant, managed by its tenant-admin (and by platform-admin for any tenant). A key
 * is bound to one tenant and one role; only platform-admin may create a platform-admin key.
 */
@RestController
@RequestMapping(path = "/api/v1/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApiKeysController {

    public static final ApiError INVALID_KEY_REQUEST = new ProblemType("api-key.invalid", HttpStatus.BAD_REQUEST, "Invalid API key request");
    public static final ApiError KEY_NOT_FOUND = new ProblemType("api-key.not-found", HttpStatus.NOT_FOUND, "No such API key");

    private static final Pattern TENANT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,127}$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    private final ApiKeyStore keys;
    private final SecurityEvents events;
    private final Quotas quotas;
    private final ApiKeyQuota keyQuota;
    private final Clock clock = Clock.systemUTC();

    public ApiKeysController(ApiKeyStore keys, SecurityEvents events, Quotas quotas, ApiKeyQuota keyQuota) {
        this.keys = keys;
        this.events = events;
        this.quotas = quotas;
        this.keyQuota = keyQuota;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<KeyCreated> create(Caller caller, @RequestBody CreateKey request) {
        String tenant = tenantFor(caller, request.tenant());
        String role = request.role();
        if (role == null || Role.of(role).isEmpty()) {
            throw new ApiException(INVALID_KEY_REQUEST, "'role' must be one of viewer, developer, approver, "
                    + "policy-admin, tenant-admin, auditor, platform-admin");
        }
        if (role.equals(Role.PLATFORM_ADMIN.id()) && !caller.isPlatformAdmin()) {
            throw new ApiException(CommonApiError.FORBIDDEN, "Only platform-admin may create a platform-admin key");
        }
        String name = request.name() == null ? role + "-key" : request.name();
        if (!NAME.matcher(name).matches()) {
            throw new ApiException(INVALID_KEY_REQUEST, "'name' must be 1-64 letters, digits or '._-'");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw new ApiException(INVALID_KEY_REQUEST, "'expiresAt' must be in the future");
        }
        ApiKeyStore.Created created = keys.inTransaction(() -> {
            quotas.requireRoom(keyQuota, tenant);
            ApiKeyStore.Created key = keys.create(tenant, role, name, caller.user(), request.expiresAt());
            events.record(SecurityAction.by(caller, SecurityEventKind.API_KEY_CREATED, tenant, key.key().keyId())
                    .with("role", role).with("name", name)
                    .with("expiresAt", request.expiresAt() == null ? null : request.expiresAt().toString()));
            return key;
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(new KeyCreated(created.secret(), view(created.key())));
    }

    @GetMapping
    public KeyList list(Caller caller, @RequestParam(required = false) String tenant) {
        return new KeyList(keys.list(tenantFor(caller, tenant)).stream().map(ApiKeysController::view).toList());
    }

    @DeleteMapping("/{keyId}")
    public ResponseEntity<Void> revoke(Caller caller, @PathVariable String keyId) {
        ApiKey key = keys.find(keyId).filter(found -> caller.canSee(found.tenant()))
                .orElseThrow(() -> new ApiException(KEY_NOT_FOUND, "No API key '" + keyId + "' in your tenant"));
        keys.inTransaction(() -> {
            keys.revoke(key.tenant(), keyId);
            events.record(SecurityAction.by(caller, SecurityEventKind.API_KEY_REVOKED, key.tenant(), keyId)
                    .with("role", key.role()).with("name", key.name()));
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private static String tenantFor(Caller caller, String requested) {
        if (requested == null || requested.equals(caller.tenant())) {
            return caller.tenant();
        }
        if (!TENANT.matcher(requested).matches()) {
            throw new ApiException(INVALID_KEY_REQUEST, "'tenant' must be 1-128 lowercase letters, digits or '-'");
        }
        if (!caller.isPlatformAdmin()) {
            throw new ApiException(CommonApiError.FORBIDDEN, "Only platform-admin may manage keys of another tenant");
        }
        return requested;
    }

    private static KeyView view(ApiKey key) {
        return new KeyView(key.keyId(), key.tenant(), key.role(), key.name(), key.createdBy(), key.createdAt(),
                key.expiresAt(), key.revokedAt(), key.lastUsedAt());
    }

    public record CreateKey(String tenant, String role, String name, Instant expiresAt) {
    }

    public record KeyView(String keyId, String tenant, String role, String name, String createdBy, Instant createdAt,
            Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    }

    /** The only response that ever carries the key itself. */
    public record KeyCreated(String key, KeyView details) {
    }

    public record KeyList(List<KeyView> keys) {
    }
}
