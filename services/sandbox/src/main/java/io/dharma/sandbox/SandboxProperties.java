package io.dharma.sandbox;

import io.dharma.sandbox.fault.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sandbox cloud ({@code dharma.sandbox.*}).
 *
 * @param latency how long every create, update and delete takes (a provider is never instant; 0 in tests)
 * @param maxListSize most resources {@code GET /api/v1/sandbox/resources} lists without a blueprintId
 * @param faults the faults in force at start-up; {@code PUT /api/v1/sandbox/faults} replaces them at run time
 */
@ConfigurationProperties("dharma.sandbox")
public record SandboxProperties(
        @DefaultValue("200ms") Duration latency,
        @DefaultValue("1000") int maxListSize,
        @DefaultValue FaultProperties faults) {

    /**
     * @param failureRate share of applies (0 to 1) that fail transiently at random
     * @param alwaysFail resource names ({@code db} or {@code blueprint-name/db}) whose applies always fail permanently
     * @param transientFailures resource name to how many applies fail transiently before they succeed
     */
    public record FaultProperties(
            @DefaultValue("0") double failureRate,
            @DefaultValue List<String> alwaysFail,
            @DefaultValue Map<String, Integer> transientFailures) {

        public Faults toFaults() {
            return new Faults(failureRate, alwaysFail, transientFailures);
        }
    }
}
