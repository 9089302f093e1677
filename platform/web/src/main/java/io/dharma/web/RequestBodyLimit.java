package io.dharma.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Caps every {@code @RequestBody} (JSON, or whatever a message converter reads) before it is parsed:
 * a declared {@code Content-Length} over the limit is refused without reading a byte, and a body of
 * undeclared length is cut off the moment it passes the limit. Both answer
 * {@code 413 request.too-large}. Spring MVC's own hook for bodies read by its converters, so an
 * endpoint that reads its body itself (blueprint submission, with its own document limit) is left alone.
 */
@ControllerAdvice
public class RequestBodyLimit extends RequestBodyAdviceAdapter {

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        long declared = input.getHeaders().getContentLength();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        InputStream body = new Capped(input.getBody(), maxBytes);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(CommonApiError.BODY_TOO_LARGE,
                "the request body is larger than " + maxBytes + " bytes (dharma.web.max-body-size)");
    }

    /** Thrown by the capped stream; the converter wraps it, and the problem handler finds it in the causes. */
    static final class TooLargeException extends IOException {

        private final long maxBytes;

        TooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        long maxBytes() {
            return maxBytes;
        }
    }

    private static final class Capped extends FilterInputStream {

        private final long maxBytes;
        private long read;

        Capped(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws TooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
        }
    }
}
