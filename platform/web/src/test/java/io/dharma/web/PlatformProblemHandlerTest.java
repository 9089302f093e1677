package io.dharma.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class PlatformProblemHandlerTest {

    @RestController
    static class SampleController {
        @GetMapping("/caller")
        Caller caller(Caller caller) {
            return caller;
        }

        @GetMapping("/missing")
        String missing() {
            throw new ApiException(CommonApiError.NOT_FOUND, "no widget 42");
        }

        @GetMapping("/db-down")
        String dbDown() {
            throw new DataAccessResourceFailureException("pool exhausted", new SQLException("refused", "08001"));
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/multipart")
        String multipart() {
            throw new org.springframework.web.multipart.MultipartException("Failed to parse multipart servlet request");
        }

        @GetMapping("/bad-content-type")
        String badContentType() {
            throw new org.springframework.http.InvalidMediaTypeException("application/yaml; charset=bogus",
                    "unsupported charset 'bogus'");
        }

        @GetMapping("/undecodable-query")
        String undecodableQuery() {
            throw new org.apache.tomcat.util.http.InvalidParameterException("Character decoding failed");
        }

        @GetMapping("/nul-in-text")
        String nulInText() {
            throw new org.springframework.dao.DataIntegrityViolationException("select ...",
                    new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        }

        @PostMapping(path = "/json", consumes = MediaType.APPLICATION_JSON_VALUE)
        String json(@RequestBody String body) {
            return body;
        }

        @PostMapping(path = "/object", consumes = MediaType.APPLICATION_JSON_VALUE)
        java.util.Map<String, Object> object(@RequestBody java.util.Map<String, Object> body) {
            return body;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SampleController())
            .setControllerAdvice(new PlatformProblemHandler(Duration.ofSeconds(7)), new RequestBodyLimit(64))
            .setCustomArgumentResolvers(new CallerArgumentResolver())
            .build();

    @Test
    void apiExceptionBecomesAProblemWithItsCode() throws Exception {
        mvc.perform(get("/missing"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("request.not-found"))
                .andExpect(jsonPath("$.detail").value("no widget 42"))
                .andExpect(jsonPath("$.type").value("https://dharma.io/problems/request.not-found"));
    }

    @Test
    void unreachableDatabaseIs503WithRetryAfter() throws Exception {
        mvc.perform(get("/db-down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(jsonPath("$.code").value("service.unavailable"));
    }

    @Test
    void aMultipartBodyOrABrokenContentTypeIs415NotA500() throws Exception {
        mvc.perform(get("/multipart"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("request.unsupported-media-type"));
        mvc.perform(get("/bad-content-type"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("unsupported charset 'bogus'")));
    }

    @Test
    void unexpectedErrorsLeakNothing() throws Exception {
        mvc.perform(get("/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("service.internal-error"))
                .andExpect(jsonPath("$.detail").value("an unexpected error occurred"));
    }

    @Test
    void callerIsTheOneTheSecurityChainAuthenticated() throws Exception {
        mvc.perform(get("/caller").requestAttr(Caller.ATTRIBUTE, new Caller("team-a", "ana@example.com", Set.of("viewer"))))
                .andExpect(jsonPath("$.tenant").value("team-a"))
                .andExpect(jsonPath("$.user").value("ana@example.com"))
                .andExpect(jsonPath("$.roles[0]").value("viewer"));
    }

    @Test
    void headersNameNobody() throws Exception {
        mvc.perform(get("/caller").header("X-Dharma-Tenant", "team-a").header("X-Dharma-User", "ana"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.unauthenticated"));
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsParsed() throws Exception {
        String large = "{\"a\":\"" + "x".repeat(100) + "\"}";
        mvc.perform(post("/object").contentType(MediaType.APPLICATION_JSON).content(large))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("request.too-large"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("64 bytes")));
        mvc.perform(post("/object").contentType(MediaType.APPLICATION_JSON).content("{\"a\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.a").value(1));
    }

    @Test
    void aBodyOfUndeclaredLengthIsCutOffAtTheLimit() throws Exception {
        org.springframework.http.HttpInputMessage chunked = new org.springframework.http.HttpInputMessage() {
            @Override
            public java.io.InputStream getBody() {
                return new java.io.ByteArrayInputStream(new byte[100]);
            }

            @Override
            public org.springframework.http.HttpHeaders getHeaders() {
                return new org.springframework.http.HttpHeaders();
            }
        };
        java.io.InputStream body = new RequestBodyLimit(64).beforeBodyRead(chunked, null, String.class, null).getBody();
        org.assertj.core.api.Assertions.assertThatThrownBy(body::readAllBytes)
                .isInstanceOf(RequestBodyLimit.TooLargeException.class);
    }

    @Test
    void aQueryStringThatIsNotUtf8Is400() throws Exception {
        mvc.perform(get("/undecodable-query"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.malformed"));
    }

    @Test
    void textTheDatabaseCannotStoreIs400() throws Exception {
        mvc.perform(get("/nul-in-text"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.malformed"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("NUL")));
    }

    @Test
    void aWildcardContentTypeIs415() throws Exception {
        mvc.perform(post("/object").contentType("application/*").content("{\"a\":1}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("request.unsupported-media-type"));
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        mvc.perform(post("/json").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("request.unsupported-media-type"));
    }
}
