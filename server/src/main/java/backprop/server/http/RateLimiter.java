package backprop.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client token buckets, in memory, per server instance: each client may spend
 * {@code perMinute} requests at once and earns one back every {@code 60 / perMinute} seconds.
 * Buckets that have filled up again are forgotten, so memory stays bounded by the clients of the
 * last minute.
 */
public final class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    /** Forget full buckets once this many clients are tracked. */
    private static final int PRUNE_AT = 10_000;

    private final int perMinute;
    private final long nanosPerToken;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perMinute requests per minute and client; 0 lets everything through */
    public RateLimiter(int perMinute, LongSupplier nanoClock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must be >= 0 (0 = no limit), got " + perMinute);
        }
        this.perMinute = perMinute;
        this.nanosPerToken = perMinute == 0 ? 0 : MINUTE_NANOS / perMinute;
        this.nanoClock = nanoClock;
    }

    /** A bucket: the instant (clock nanos) at which it will be full again; full when in the past. */
    private record Bucket(long fullAt) {}

    /**
     * Takes one request from the client's bucket.
     *
     * @return 0 when allowed, else the whole seconds to wait before the next request is allowed (at least 1)
     */
    public long tryAcquire(String client) {
        if (perMinute == 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        long capacity = nanosPerToken * perMinute;
        long[] wait = {0};
        buckets.compute(client, (key, bucket) -> {
            // fullAt - now is the time the bucket lacks; each request adds nanosPerToken to it.
            long lacking = bucket == null ? 0 : Math.max(0, bucket.fullAt - now);
            if (lacking + nanosPerToken > capacity) {
                long nanos = lacking + nanosPerToken - capacity;
                wait[0] = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
                return bucket;
            }
            return new Bucket(now + lacking + nanosPerToken);
        });
        if (buckets.size() > PRUNE_AT) {
            buckets.values().removeIf(b -> b.fullAt - now <= 0);
        }
        return wait[0];
    }

    int trackedClients() {
        return buckets.size();
    }
}
