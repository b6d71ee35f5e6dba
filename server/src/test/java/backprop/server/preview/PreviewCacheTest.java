package backprop.server.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PreviewCacheTest {
    private final List<String> rendered = new ArrayList<>();
    private final Function<String, byte[]> render = id -> {
        rendered.add(id);
        return id.getBytes(StandardCharsets.UTF_8);
    };

    @Test
    void rendersEachIdOnceAndAnswersTheSameBytesAfter() {
        PreviewCache cache = new PreviewCache(4);
        byte[] first = cache.get("a", render);
        assertSame(first, cache.get("a", render));
        assertEquals(List.of("a"), rendered);
        assertEquals(1, cache.renders());
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
        PreviewCache cache = new PreviewCache(2);
        cache.get("a", render);
        cache.get("b", render);
        cache.get("a", render); // a is now the most recent
        cache.get("c", render); // drops b
        assertEquals(2, cache.size());
        cache.get("a", render);
        cache.get("b", render);
        assertEquals(List.of("a", "b", "c", "b"), rendered);
    }

    @Test
    void theCapacityIsPositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PreviewCache(0));
        assertEquals("preview cache capacity must be at least 1, got 0", e.getMessage());
    }
}
