package io.dharma.web;

import java.util.Map;

/** Thrown by API code to answer with a problem response; extra properties are added to its body. */
public class ApiException extends RuntimeException {

    private final ApiError error;
    private final Map<String, Object> properties;

    public ApiException(ApiError error, String detail) {
        this(error, detail, Map.of());
    }

    public ApiException(ApiError error, String detail, Map<String, Object> properties) {
        super(detail);
        this.error = error;
        this.properties = Map.copyOf(properties);
    }

    public ApiError error() {
        return error;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
