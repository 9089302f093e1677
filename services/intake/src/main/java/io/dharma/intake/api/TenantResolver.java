package io.dharma.intake.api;

import io.dharma.intake.IntakeProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which tenant a request acts for. Until authentication exists it is
 * the {@value #HEADER} header, or the configured default tenant for local use; real
 * authentication replaces this class (the tenant then comes from the authenticated principal).
 */
@Component
public class TenantResolver {

    public static final String HEADER = "X-Dharma-Tenant";

    private static final Pattern TENANT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,127}$");

    private final String defaultTenant;

    public TenantResolver(IntakeProperties properties) {
        this.defaultTenant = properties.defaultTenant();
    }

    public String tenantOf(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return defaultTenant;
        }
        if (!TENANT.matcher(header).matches()) {
            throw new ApiException(ApiError.INVALID_TENANT,
                    HEADER + " must be 1-128 lowercase letters, digits or '-', starting with a letter or digit");
        }
        return header;
    }
}
