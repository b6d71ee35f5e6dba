package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefreshTest {
    @Test
    void aCheapPartIsDueAfterItsMinimumInterval() {
        Refresh refresh = new Refresh(100, 0.1);
        assertTrue(refresh.due(0));
        refresh.done(0, 1);
        assertFalse(refresh.due(99));
        assertTrue(refresh.due(100));
    }

    @Test
    void aCostlyPartWaitsLongEnoughToKeepItsShareOfTime() {
        Refresh refresh = new Refresh(0, 0.1);
        refresh.done(0, 20);
        assertFalse(refresh.due(150));
        assertTrue(refresh.due(200));
    }

    @Test
    void refusesAShareOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new Refresh(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Refresh(-1, 0.5));
    }
}
