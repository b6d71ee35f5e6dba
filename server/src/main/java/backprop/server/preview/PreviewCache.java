package backprop.server.preview;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Preview PNGs by experiment id, the least recently used dropped beyond {@code capacity}. A saved
 * experiment never changes, so an entry never goes stale; taking one down is checked before the
 * cache is asked. Per instance, like the rate limiter: several instances each keep their own.
 */
public final class PreviewCache {
    private final int capacity;
    private final Map<String, byte[]> entries;
    private int renders;

    public PreviewCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("preview cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * The cached bytes for {@code id}, else {@code render}'s (then cached). Rendering runs
     * outside the lock: two first requests for one id may both render (same bytes), but one
     * slow image never blocks the others.
     */
    public byte[] get(String id, Function<String, byte[]> render) {
        synchronized (this) {
            byte[] cached = entries.get(id);
            if (cached != null) {
                return cached;
            }
        }
        byte[] bytes = render.apply(id);
        synchronized (this) {
            renders++;
            entries.put(id, bytes);
            if (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    /** How many images were rendered (misses), for tests. */
    synchronized int renders() {
        return renders;
    }
}
