package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossHistoryTest {

    @Test
    void keepsAtMostAThousandPointsEvenlyThinnedWithFirstAndNewest() {
        LossHistory history = new LossHistory();
        for (int e = 1; e <= 100_000; e++) {
            history.add(e, 1.0 / e, 2.0 / e);
            assertTrue(history.size() <= LossHistory.MAX_POINTS);
        }
        assertEquals(1, history.epoch(0));
        assertEquals(100_000, history.epoch(history.size() - 1));
        assertTrue(history.size() > LossHistory.MAX_POINTS / 2);
        for (int k = 1; k < history.size(); k++) {
            assertTrue(history.epoch(k) > history.epoch(k - 1));
            assertEquals(1.0 / history.epoch(k), history.trainLoss(k), 0.0);
            assertEquals(2.0 / history.epoch(k), history.testLoss(k), 0.0);
        }
    }

    @Test
    void roundTripsThroughASnapshot() {
        LossHistory history = new LossHistory();
        history.add(1, 0.7, 0.8);
        history.add(2, 0.5, Double.NaN);
        history.add(2, 9, 9);
        Snapshot s =
                new Snapshot(2, 50, new double[0], new double[0], 0, new double[0]).withLossHistory(history.toArray());
        LossHistory back = LossHistory.fromArray(Snapshot.fromBytes(s.toBytes()).lossHistory());
        assertArrayEquals(history.toArray(), back.toArray(), 0.0);
        assertEquals(2, back.size());
    }
}
