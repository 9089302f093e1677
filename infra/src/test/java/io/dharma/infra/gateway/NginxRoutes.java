package io.dharma.infra.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's nginx configuration as far as routing goes: its {@code location} blocks with the
 * upstream each passes to, its {@code upstream} blocks with their servers, and which location nginx
 * picks for a path (an exact {@code =} match, else the longest prefix if it is {@code ^~}, else the
 * first regex in order that matches, else the longest prefix).
 */
public final class NginxRoutes {

    private static final Pattern LOCATION = Pattern.compile("location\\s+(?:(=|~\\*|~|\\^~)\\s+)?(\\S+)\\s*\\{([^}]*)}");
    private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+http://([^;/\\s]+)");
    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+(\\S+)\\s*\\{([^}]*)}");
    private static final Pattern SERVER = Pattern.compile("server\\s+([^;\\s]+)");
    private static final Pattern INCLUDE = Pattern.compile("include\\s+([^;\\s]+)\\s*;");

    /** A location block; {@code upstream} is empty when it answers itself ({@code return}). */
    public record Location(String modifier, String pattern, Optional<String> upstream) {

        boolean isRegex() {
            return modifier.startsWith("~");
        }

        boolean matches(String path) {
            if (isRegex()) {
                int flags = modifier.equals("~*") ? Pattern.CASE_INSENSITIVE : 0;
                return Pattern.compile(pattern, flags).matcher(path).find();
            }
            return modifier.equals("=") ? pattern.equals(path) : path.startsWith(pattern);
        }
    }

    private final List<Location> locations;

    private NginxRoutes(List<Location> locations) {
        this.locations = List.copyOf(locations);
    }

    public static NginxRoutes parse(String configuration) {
        List<Location> locations = new ArrayList<>();
        Matcher location = LOCATION.matcher(withoutComments(configuration));
        while (location.find()) {
            Matcher proxyPass = PROXY_PASS.matcher(location.group(3));
            locations.add(new Location(location.group(1) == null ? "" : location.group(1), location.group(2),
                    proxyPass.find() ? Optional.of(proxyPass.group(1)) : Optional.empty()));
        }
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("no location block in the gateway's configuration");
        }
        return new NginxRoutes(locations);
    }

    public List<Location> locations() {
        return locations;
    }

    /** The location nginx serves {@code path} from, by nginx's own order of matching. */
    public Optional<Location> locationOf(String path) {
        Optional<Location> exact = locations.stream().filter(each -> each.modifier().equals("=") && each.matches(path)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Optional<Location> longestPrefix = locations.stream()
                .filter(each -> (each.modifier().isEmpty() || each.modifier().equals("^~")) && each.matches(path))
                .max(Comparator.comparingInt(each -> each.pattern().length()));
        if (longestPrefix.isPresent() && longestPrefix.get().modifier().equals("^~")) {
            return longestPrefix;
        }
        Optional<Location> regex = locations.stream().filter(each -> each.isRegex() && each.matches(path)).findFirst();
        return regex.isPresent() ? regex : longestPrefix;
    }

    /** The upstream a path is passed to, if any. */
    public Optional<String> upstreamOf(String path) {
        return locationOf(path).flatMap(Location::upstream);
    }

    /** The {@code upstream} blocks of a configuration: name to its servers ({@code host:port}). */
    public static Map<String, List<String>> upstreams(String configuration) {
        Map<String, List<String>> upstreams = new LinkedHashMap<>();
        Matcher upstream = UPSTREAM.matcher(withoutComments(configuration));
        while (upstream.find()) {
            List<String> servers = new ArrayList<>();
            Matcher server = SERVER.matcher(upstream.group(2));
            while (server.find()) {
                servers.add(server.group(1));
            }
            upstreams.put(upstream.group(1), List.copyOf(servers));
        }
        return upstreams;
    }

    public static List<String> includes(String configuration) {
        List<String> includes = new ArrayList<>();
        Matcher include = INCLUDE.matcher(withoutComments(configuration));
        while (include.find()) {
            includes.add(include.group(1));
        }
        return includes;
    }

    /** nginx comments run from # to the end of the line (the gateway's files quote no #). */
    private static String withoutComments(String configuration) {
        return configuration.lines().map(line -> line.contains("#") ? line.substring(0, line.indexOf('#')) : line)
                .reduce("", (text, line) -> text + line + "\n");
    }
}
