package io.dharma.notifier.target;

import io.dharma.notifier.NotifierProperties;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses the notifier may call, so a subscription cannot make it reach what only the
 * platform can: the cloud metadata address (169.254.169.254) and the rest of link-local, loopback,
 * any-local, multicast and private ranges are refused unless {@code dharma.notifier.targets}
 * allows them. Checked when a subscription is created and again before every call, on every
 * address the host resolves to (a name that later resolves elsewhere is refused then).
 */
public final class TargetPolicy {

    private final NotifierProperties.Targets settings;

    public TargetPolicy(NotifierProperties.Targets settings) {
        this.settings = settings;
    }

    /** Why {@code url} may not be called, or empty when it may. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("the URL must be http or https");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("the URL has no host");
        }
        if (url.getUserInfo() != null) {
            return Optional.of("the URL must not carry credentials; give them as the subscription's credentials");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (settings.deniedHosts().stream().anyMatch(name::equalsIgnoreCase)) {
            return Optional.of("host " + host + " is denied by dharma.notifier.targets.denied-hosts");
        }
        if (settings.allowedHosts().stream().anyMatch(name::equalsIgnoreCase)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress() + ", " + refused.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (cloud metadata lives there)");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("not a unicast address");
        }
        if (address.isLoopbackAddress()) {
            return settings.allowLoopback() ? Optional.empty()
                    : Optional.of("a loopback address (allowed by dharma.notifier.targets.allow-loopback)");
        }
        if (isPrivate(address)) {
            return settings.allowPrivate() ? Optional.empty()
                    : Optional.of("a private address (allowed by dharma.notifier.targets.allow-private)");
        }
        return Optional.empty();
    }

    private static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isSiteLocalAddress()) {
            return true;
        }
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 100 && second >= 64 && second < 128; // carrier-grade NAT, 100.64/10
        }
        return (bytes[0] & 0xfe) == 0xfc; // unique local, fc00::/7
    }
}
