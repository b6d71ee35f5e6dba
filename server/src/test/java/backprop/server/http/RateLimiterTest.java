package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(123 * SECOND);

    @Test
    void allowsTheLimitAtOnceThenOneEveryShareOfAMinute() {
        RateLimiter limiter = new RateLimiter(30, clock::get);
        for (int i = 0; i < 30; i++) {
            assertEquals(0, limiter.tryAcquire("a"), "request " + i);
        }
        assertEquals(2, limiter.tryAcquire("a"), "30 a minute: one more every 2 s");
        clock.addAndGet(SECOND);
        assertEquals(1, limiter.tryAcquire("a"));
        clock.addAndGet(SECOND);
        assertEquals(0, limiter.tryAcquire("a"));
        assertEquals(2, limiter.tryAcquire("a"));
        clock.addAndGet(60 * SECOND);
        for (int i = 0; i < 30; i++) {
            assertEquals(0, limiter.tryAcquire("a"), "full again after a minute: " + i);
        }
        assertEquals(2, limiter.tryAcquire("a"));
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter(1, clock::get);
        assertEquals(0, limiter.tryAcquire("a"));
        assertEquals(60, limiter.tryAcquire("a"));
        assertEquals(0, limiter.tryAcquire("b"));
    }

    @Test
    void refusedRequestsDoNotDelayTheNextAllowedOne() {
        RateLimiter limiter = new RateLimiter(2, clock::get);
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");
        for (int i = 0; i < 10; i++) {
            assertEquals(30, limiter.tryAcquire("a"));
        }
        clock.addAndGet(30 * SECOND);
        assertEquals(0, limiter.tryAcquire("a"));
    }

    @Test
    void zeroMeansNoLimitAndNegativeIsRefused() {
        RateLimiter off = new RateLimiter(0, clock::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, off.tryAcquire("a"));
        }
        assertEquals(0, off.trackedClients());
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(-1, clock::get));
    }

    @Test
    void forgetsClientsWhoseBucketsAreFullAgain() {
        RateLimiter limiter = new RateLimiter(10, clock::get);
        for (int i = 0; i <= 10_000; i++) {
            limiter.tryAcquire("client " + i);
        }
        clock.addAndGet(61 * SECOND);
        limiter.tryAcquire("late");
        assertEquals(1, limiter.trackedClients());
    }
}
