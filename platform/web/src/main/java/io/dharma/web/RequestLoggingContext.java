package io.dharma.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts who a request acts for and what it is about into the logging context (SLF4J MDC) while its
 * handler runs, including the problem handlers that answer its failures: {@code tenant} of the
 * authenticated {@link Caller}, and the {@code trackingId}, {@code blueprintId} or
 * {@code deploymentId} its path names. The keys are those platform/kafka's {@code LoggingContext}
 * sets while a record or a deployment is handled, so one query finds a blueprint's lines from every
 * service, HTTP and Kafka alike.
 */
final class RequestLoggingContext implements AsyncHandlerInterceptor {

    static final String TENANT = "tenant";
    /** Path variables that name a lifecycle identifier; the same names across every service's API. */
    static final List<String> PATH_IDS = List.of("trackingId", "blueprintId", "deploymentId");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller) {
            MDC.put(TENANT, caller.tenant());
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            PATH_IDS.forEach(name -> {
                if (variables.get(name) instanceof String value) {
                    MDC.put(name, value);
                }
            });
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        clear();
    }

    /** An async handler goes on in another thread (and is intercepted again when it dispatches back). */
    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
        clear();
    }

    private static void clear() {
        MDC.remove(TENANT);
        PATH_IDS.forEach(MDC::remove);
    }
}
