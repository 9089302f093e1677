package io.dharma.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param retryAfter  what a 503 tells clients to wait before retrying
 * @param maxBodySize the largest request body a controller's {@code @RequestBody} is read from
 *                    (413 {@code request.too-large} beyond); as large as a blueprint document may be
 */
@ConfigurationProperties("dharma.web")
public record WebProperties(@DefaultValue("5s") Duration retryAfter, @DefaultValue("256KB") DataSize maxBodySize) {

    public WebProperties {
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("dharma.web.max-body-size must be positive but was " + maxBodySize);
        }
    }
}
