package io.dharma.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser, for tests of the embedded issuer's pages (a session cookie, HTML pages, redirects followed within the server) and the
 * CLI's plain HTTP calls, over a real socket.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    public Browser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GET, following redirects while they stay on this server; the last response. */
    public HttpResponse<String> get(String pathOrUrl) {
        return follow(send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET()));
    }

    /** POST a form as a browser does, following redirects (as GETs) while they stay on this server. */
    public HttpResponse<String> submit(String pathOrUrl, Map<String, String> form) {
        return follow(send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))));
    }

    /** POST a form as an OAuth client does: no redirects followed, JSON expected. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    public HttpResponse<String> api(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Logs in with the login form: the page the login led to (saved request, or /). */
    public HttpResponse<String> logIn(String username, String password) {
        HttpResponse<String> page = get("/login");
        return submitLogin(page, username, password);
    }

    public HttpResponse<String> submitLogin(HttpResponse<String> loginPage, String username, String password) {
        return submit("/login", Map.of("username", username, "password", password, "_csrf", csrf(loginPage.body())));
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in " + html);
        }
        return m.group(1);
    }

    public static String formAction(String html) {
        Matcher m = FORM_ACTION.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form in " + html);
        }
        return m.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 10; hops++) {
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return response;
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(base)) {
                return response;
            }
            response = send(HttpRequest.newBuilder(next).header("Accept", "text/html").GET());
        }
        throw new AssertionError("too many redirects");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static String encode(Map<String, String> form) {
        return new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
