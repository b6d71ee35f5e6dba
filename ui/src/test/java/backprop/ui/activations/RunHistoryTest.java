package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunHistoryTest {
    @Test
    void epochsToTargetIsTheFirstReportAtOrBelowTheTargetAndStaysThere() {
        RunHistory h = new RunHistory(0.2);
        h.record(0, 0, 0.7, 0.7, 0.5, 0.5, 0, 0, -1, 16);
        h.record(1, 3.5, 0.4, 0.41, 0.6, 0.6, 0, 0, -1, 16);
        assertFalse(h.reachedTarget());
        assertEquals(-1, h.epochsToTarget());
        assertTrue(Double.isNaN(h.msToTarget()));
        h.record(2, 7.25, 0.2, 0.3, 0.8, 0.7, 0, 0, -1, 16);
        h.record(3, 10, 0.25, 0.3, 0.8, 0.7, 0, 0, -1, 16);
        h.record(4, 12, 0.1, 0.3, 0.9, 0.7, 0, 0, -1, 16);
        assertEquals(2, h.epochsToTarget(), "exactly at the target counts; a later rise does not undo it");
        assertEquals(7.25, h.msToTarget());
        assertEquals(5, h.size());
    }

    @Test
    void fractionsAreOfAllHiddenUnitsAndPeaksAreKept() {
        RunHistory h = new RunHistory(0.1);
        h.record(0, 0, 1, 1, 0.5, 0.5, 0, 4, 2, 16);
        h.record(1, 1, 1, 1, 0.5, 0.5, 8, 2, 9, 16);
        h.record(2, 2, 1, 1, 0.5, 0.5, 6, 0, 6, 16);
        assertEquals(0.25, h.saturatedFraction(0));
        assertEquals(0.5, h.deadFraction(1));
        assertEquals(0.375, h.deadFraction(2));
        assertEquals(0.5, h.peakDeadFraction());
        assertEquals(0.25, h.peakSaturatedFraction());
        assertEquals(8, h.peakDeadUnits());
        assertEquals(6, h.offUnits(2));
        assertEquals(2, h.last());
    }

    @Test
    void refusesBadReports() {
        RunHistory h = new RunHistory(0.1);
        h.record(3, 0, 1, 1, 0.5, 0.5, 0, 0, -1, 4);
        assertThrows(IllegalArgumentException.class, () -> h.record(3, 0, 1, 1, 0.5, 0.5, 0, 0, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> h.record(4, 0, 1, 1, 0.5, 0.5, 5, 0, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> new RunHistory(0));
        assertThrows(IndexOutOfBoundsException.class, () -> h.trainLoss(1));
    }

    @Test
    void growsPastItsFirstCapacity() {
        RunHistory h = new RunHistory(0.5);
        for (int e = 0; e < 1000; e++) {
            h.record(e, e * 2.0, 1.0 / (e + 1), 1, 0.5, 0.5, e % 3, 0, -1, 3);
        }
        assertEquals(1000, h.size());
        assertEquals(1, h.epochsToTarget(), "loss 1/2 at epoch 1");
        assertEquals(2.0, h.msToTarget());
        assertEquals(1.0 / 1000, h.trainLoss(999));
    }
}
