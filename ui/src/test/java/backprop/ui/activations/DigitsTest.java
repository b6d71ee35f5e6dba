package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DigitsTest {
    @Test
    void roundsToSignificantDigitsInPlainAscii() {
        assertEquals("0", Digits.significant(0.0, 6));
        assertEquals("0", Digits.significant(-0.0, 6));
        assertEquals("-10", Digits.significant(-10, 6));
        assertEquals("10", Digits.significant(10, 6));
        assertEquals("0.5", Digits.significant(0.5, 6));
        assertEquals("0.999955", Digits.significant(0.9999546021312976, 6));
        assertEquals("4.53979e-5", Digits.significant(4.5397868702434395E-5, 6));
        assertEquals("-0.000454", Digits.significant(-4.54e-4, 6));
        assertEquals("1", Digits.significant(0.99999999, 6), "carry through every digit");
        assertEquals("100", Digits.significant(99.9999, 3));
        assertEquals("1234570", Digits.significant(1234567, 6));
        assertEquals("1.5e10", Digits.significant(1.5e10, 6));
        assertEquals("2e-300", Digits.significant(2e-300, 6));
        assertEquals("0.1", Digits.significant(0.1, 17));
        assertEquals("NaN", Digits.significant(Double.NaN, 3));
        assertEquals("-Infinity", Digits.significant(Double.NEGATIVE_INFINITY, 3));
        assertEquals("0.3", Digits.significant(0.1 + 0.2, 6));
        assertEquals("0.30000000000000004", Digits.significant(0.1 + 0.2, 17));
    }

    @Test
    void parsesWhatPeopleType() {
        assertEquals(-10.0, Digits.parse(" -10 "));
        assertEquals(2.5, Digits.parse("+2.5"));
        assertEquals(0.001, Digits.parse("1e-3"));
        assertNull(Digits.parse("abc"));
        assertNull(Digits.parse("1,5"));
        assertNull(Digits.parse(""));
        assertNull(Digits.parse("1e999"));
        assertNull(Digits.parse(null));
    }
}
