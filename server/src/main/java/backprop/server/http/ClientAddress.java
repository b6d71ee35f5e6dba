package backprop.server.http;

/**
 * Who a request comes from, for per-client limits: the peer's address, or the last entry of the
 * header a trusted reverse proxy sets ({@link ServerConfig#clientIpHeader()}) when one is configured.
 */
final class ClientAddress {
    private ClientAddress() {}

    /**
     * @param header the trusted proxy's header value (may be null or blank: the peer counts)
     * @param peer the socket's remote address
     */
    static String of(String header, String peer) {
        if (header != null && !header.isBlank()) {
            String[] hops = header.split(",");
            return hops[hops.length - 1].trim();
        }
        return peer;
    }
}
