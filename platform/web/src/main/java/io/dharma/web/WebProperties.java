package io.dharma.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retryAfter what a 503 tells clients to wait before retrying
 */
@ConfigurationProperties("dharma.web")
public record WebProperties(@DefaultValue("5s") Duration retryAfter) {
}
