package io.dharma.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one place that decides who a request acts for. Until authentication exists the tenant is
 * the {@value #TENANT_HEADER} header and the user the {@value #USER_HEADER} header, each with a
 * configured default for local use. Real authentication replaces this class: tenant and user then
 * come from the authenticated principal, and nothing else changes.
 */
public class CallerResolver {

    public static final String TENANT_HEADER = "X-Dharma-Tenant";
    public static final String USER_HEADER = "X-Dharma-User";

    private static final Pattern TENANT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,127}$");
    private static final Pattern USER = Pattern.compile("^[\\p{Alnum}][\\p{Alnum}._@+-]{0,254}$");

    private final String defaultTenant;
    private final String defaultUser;

    public CallerResolver(String defaultTenant, String defaultUser) {
        this.defaultTenant = defaultTenant;
        this.defaultUser = defaultUser;
    }

    public Caller callerOf(HttpServletRequest request) {
        return new Caller(tenantOf(request), userOf(request));
    }

    public String tenantOf(HttpServletRequest request) {
        String header = request.getHeader(TENANT_HEADER);
        if (header == null || header.isBlank()) {
            return defaultTenant;
        }
        if (!TENANT.matcher(header).matches()) {
            throw new ApiException(CommonApiError.INVALID_TENANT, TENANT_HEADER
                    + " must be 1-128 lowercase letters, digits or '-', starting with a letter or digit");
        }
        return header;
    }

    public String userOf(HttpServletRequest request) {
        String header = request.getHeader(USER_HEADER);
        if (header == null || header.isBlank()) {
            return defaultUser;
        }
        if (!USER.matcher(header).matches()) {
            throw new ApiException(CommonApiError.INVALID_USER, USER_HEADER
                    + " must be 1-255 letters, digits or '._@+-', starting with a letter or digit");
        }
        return header;
    }
}
