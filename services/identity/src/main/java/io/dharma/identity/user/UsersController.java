package io.dharma.identity.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/users}: the users of the caller's tenant. A tenant admin manages its own
 * tenant's users and may not grant platform-admin; a platform admin manages every tenant's. A
 * user of another tenant answers 404, as an unknown one does. The {@link Caller} comes from the
 * credential (the API's security chain), never from this module.
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
public class UsersController {

    private final Users users;

    public UsersController(Users users) {
        this.users = users;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedUserView> create(@RequestBody CreateUserRequest request, Caller caller) {
        requireAdmin(caller);
        String tenant = request.tenant() == null ? caller.tenant() : request.tenant();
        if (!caller.isPlatformAdmin()) {
            if (!tenant.equals(caller.tenant())) {
                throw forbidden("a tenant admin creates users in its own tenant (" + caller.tenant() + ") only");
            }
            if (request.roles() != null && request.roles().contains(Roles.PLATFORM_ADMIN)) {
                throw forbidden("only a platform admin grants " + Roles.PLATFORM_ADMIN);
            }
        }
        CreatedUser created = users.create(caller.user(),
                new NewUser(request.username(), tenant, request.roles(), request.password()));
        User user = created.user();
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
                .body(new CreatedUserView(user.username(), user.tenant(), user.roles(), created.generatedPassword()));
    }

    @GetMapping
    UserListView list(@RequestParam(required = false) String tenant, Caller caller) {
        if (!(caller.hasRole(Roles.TENANT_ADMIN) || caller.hasRole(Roles.AUDITOR) || caller.isPlatformAdmin())) {
            throw forbidden("listing users needs the tenant-admin, auditor or platform-admin role");
        }
        String listed = tenant == null ? caller.tenant() : tenant;
        if (!caller.canSee(listed)) {
            throw forbidden("the users of tenant " + listed + " are not visible to this caller");
        }
        return new UserListView(users.list(listed).stream().map(UserView::of).toList());
    }

    @PostMapping("/{username}/disable")
    ResponseEntity<Void> disable(@PathVariable String username, Caller caller) {
        requireAdmin(caller);
        User user = users.find(username)
                .filter(found -> caller.canSee(found.tenant()))
                .orElseThrow(() -> Users.notFound(username));
        users.disable(caller.user(), user.username());
        return ResponseEntity.noContent().build();
    }

    private static void requireAdmin(Caller caller) {
        if (!(caller.hasRole(Roles.TENANT_ADMIN) || caller.isPlatformAdmin())) {
            throw forbidden("managing users needs the tenant-admin or platform-admin role");
        }
    }

    private static ApiException forbidden(String detail) {
        return new ApiException(IdentityApiError.FORBIDDEN, detail);
    }

    /** Body of POST /api/v1/users; tenant defaults to the caller's, password to a generated one. */
    public record CreateUserRequest(String username, String tenant, List<String> roles, String password) {
    }

    /** {@code password} only when the platform generated it: shown this once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreatedUserView(String username, String tenant, List<String> roles, String password) {
    }

    public record UserView(String username, String tenant, List<String> roles, boolean enabled, String createdAt) {

        static UserView of(User user) {
            return new UserView(user.username(), user.tenant(), user.roles(), user.enabled(), user.createdAt().toString());
        }
    }

    public record UserListView(List<UserView> users) {
    }
}
