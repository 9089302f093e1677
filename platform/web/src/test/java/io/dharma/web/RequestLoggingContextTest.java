package io.dharma.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Through the dispatcher as a service runs it: path variables come from the handler mapping. */
class RequestLoggingContextTest {

    @RestController
    static class SampleController {

        Map<String, String> seen;

        @GetMapping("/api/v1/blueprints/{blueprintId}/deployments")
        String deployments(@PathVariable String blueprintId) {
            seen = MDC.getCopyOfContextMap();
            return "ok";
        }

        @GetMapping("/api/v1/tracking/{trackingId}")
        String tracking(@PathVariable String trackingId) {
            seen = MDC.getCopyOfContextMap();
            throw new ApiException(CommonApiError.NOT_FOUND, "no such tracking id");
        }
    }

    private final SampleController controller = new SampleController();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(controller)
            .setControllerAdvice(new PlatformProblemHandler(Duration.ofSeconds(1)))
            .addInterceptors(new RequestLoggingContext())
            .build();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aHandlerLogsWithTheCallersTenantAndThePathsIdentifiers() throws Exception {
        mvc.perform(get("/api/v1/blueprints/bp-7/deployments")
                        .requestAttr(Caller.ATTRIBUTE, new Caller("tenant-a", "alice", Set.of("viewer"))))
                .andExpect(status().isOk());

        assertThat(controller.seen).containsExactlyInAnyOrderEntriesOf(Map.of("tenant", "tenant-a", "blueprintId", "bp-7"));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void aFailedRequestIsClearedToo() throws Exception {
        mvc.perform(get("/api/v1/tracking/trk-9")).andExpect(status().isNotFound());

        assertThat(controller.seen).containsExactlyInAnyOrderEntriesOf(Map.of("trackingId", "trk-9"));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }
}
