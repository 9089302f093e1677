package io.dharma.embedded;

/**
 * Where the embedded servers listen. They run without passwords (PostgreSQL trusts local
 * connections, Kafka has no authentication), so the default is loopback: only this machine can
 * reach them. An operator who wants them on a network says so ({@code DHARMA_BIND_ADDRESS}).
 */
public final class BindAddress {

    public static final String LOOPBACK = "127.0.0.1";

    private BindAddress() {
    }

    /**
     * The host a client on this machine connects to: the address itself (bracketed if IPv6), or
     * loopback for a wildcard listener. Never the name localhost for an address, which may resolve
     * to {@code ::1} first while the server listens on 127.0.0.1 only.
     */
    public static String localClientHost(String bindAddress) {
        return switch (bindAddress) {
            case "0.0.0.0", "*" -> LOOPBACK;
            case "::" -> "[::1]";
            default -> bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        };
    }
}
