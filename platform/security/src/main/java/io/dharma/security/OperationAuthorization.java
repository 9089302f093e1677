package io.dharma.security;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Grants an API request when the {@link PermissionMatrix} lets one of the caller's roles call its operation. */
final class OperationAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final PermissionMatrix matrix;

    OperationAuthorization(PermissionMatrix matrix) {
        this.matrix = matrix;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof CallerAuthentication caller)) {
            return new AuthorizationDecision(false);
        }
        Set<String> roles = caller.caller().roles();
        boolean granted = matrix.match(context.getRequest())
                .map(operation -> operation.allows(roles))
                .orElse(roles.contains(Role.PLATFORM_ADMIN.id()));
        return new AuthorizationDecision(granted);
    }
}
