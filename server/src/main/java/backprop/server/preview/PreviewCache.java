package backprop.server.preview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Preview PNGs by experiment id, at most {@code capacity} of them (Caffeine: the least recently
 * and least frequently used go first). A saved experiment never changes, so an entry never goes
 * stale; taking one down is checked before the cache is asked. Per instance, like the rate
 * limiter: several instances each keep their own.
 */
public final class PreviewCache {
    private final Cache<String, byte[]> entries;
    private final AtomicInteger renders = new AtomicInteger();

    public PreviewCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("preview cache capacity must be at least 1, got " + capacity);
        }
        // Maintenance (eviction) on the caller's thread, not the common pool: sizes are exact after each call.
        this.entries = Caffeine.newBuilder()
                .maximumSize(capacity)
                .executor(Runnable::run)
                .build();
    }

    /**
     * The cached bytes for {@code id}, else {@code render}'s (then cached). Rendering runs outside
     * the cache (not in Caffeine's compute, which would hold a lock on the id's bin): two first
     * requests for one id may both render (same bytes), but one slow image never blocks the others.
     */
    public byte[] get(String id, Function<String, byte[]> render) {
        byte[] cached = entries.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = render.apply(id);
        renders.incrementAndGet();
        byte[] raced = entries.asMap().putIfAbsent(id, bytes);
        return raced != null ? raced : bytes;
    }

    int size() {
        entries.cleanUp();
        return (int) entries.estimatedSize();
    }

    /** How many images were rendered (misses), for tests. */
    int renders() {
        return renders.get();
    }
}
