package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class SpecNumbersTest {

    @Test
    void realsPrintAsShortestPlainDecimals() {
        assertEquals("0.03", SpecNumbers.formatReal(0.03));
        assertEquals("0.0001", SpecNumbers.formatReal(0.0001));
        assertEquals("0.0000001", SpecNumbers.formatReal(1e-7));
        assertEquals("10", SpecNumbers.formatReal(10.0));
        assertEquals("2.5", SpecNumbers.formatReal(2.5));
        assertEquals("0.1", SpecNumbers.formatReal(0.1));
        assertEquals("3", SpecNumbers.formatReal(3.0));
        assertEquals("0", SpecNumbers.formatReal(0.0));
        assertEquals("0", SpecNumbers.formatReal(-0.0));
        assertEquals("-1.5", SpecNumbers.formatReal(-1.5));
        assertEquals("0.30000000000000004", SpecNumbers.formatReal(0.1 + 0.2));
        assertEquals("9.999999999999998", SpecNumbers.formatReal(9.999999999999998));
        assertEquals("123456789.125", SpecNumbers.formatReal(123456789.125));
        assertEquals("100000000000000000000", SpecNumbers.formatReal(1e20));
        // Java 17's Double.toString is not always shortest: it gives 9.999999999999999E22 for 1e23
        // and 2.82879384806159008E17 for 2.82879384806159E17.
        assertEquals("100000000000000000000000", SpecNumbers.formatReal(1e23));
        assertEquals("282879384806159000", SpecNumbers.formatReal(2.82879384806159E17));
        assertEquals("NaN", SpecNumbers.formatReal(Double.NaN));
        assertEquals("Infinity", SpecNumbers.formatReal(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", SpecNumbers.formatReal(Double.NEGATIVE_INFINITY));
    }

    @Test
    void extremeDoublesRoundTrip() {
        double[] extremes = {
            Double.MIN_VALUE,
            2 * Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL),
            Double.MAX_VALUE,
            Math.nextDown(10.0),
            Math.nextUp(0.03),
            5e-324
        };
        for (double x : extremes) {
            String text = SpecNumbers.formatReal(x);
            assertFalse(text.contains("E") || text.contains("e"), text);
            assertEquals(x, SpecNumbers.parseReal(text), text);
            assertEquals(x, Double.parseDouble(text), text);
        }
        String minimum = SpecNumbers.formatReal(5e-324);
        assertTrue(minimum.startsWith("0.000") && minimum.endsWith("5"), minimum);
        assertEquals(326, minimum.length());
    }

    /** Against the JDK: the text reads back, and no text with one digit fewer does. */
    @Test
    void randomDoublesPrintShortestAndRoundTrip() {
        Rng rng = new Rng(20261128L);
        for (int i = 0; i < 4000; i++) {
            double x;
            switch (i % 4) {
                case 0:
                    x = Double.longBitsToDouble(rng.nextLong() >>> 1); // any exponent, subnormals too
                    break;
                case 1:
                    x = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(40) - 20);
                    break;
                case 2: // few decimals: the fast path
                    x = (rng.nextInt(2000001) - 1000000) / Math.pow(10, rng.nextInt(12));
                    break;
                default: // powers of two, where the rounding interval is lopsided
                    x = Math.scalb(1.0, rng.nextInt(2098) - 1074);
                    break;
            }
            if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
                continue;
            }
            String text = SpecNumbers.formatReal(x);
            assertEquals(x, Double.parseDouble(text), text);
            assertEquals(x, SpecNumbers.parseReal(text), text);
            int digits = new BigDecimal(text).stripTrailingZeros().precision();
            if (digits > 1) {
                BigDecimal exact = new BigDecimal(x);
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    BigDecimal shorter = exact.round(new java.math.MathContext(digits - 1, mode));
                    assertFalse(
                            Double.parseDouble(shorter.toString()) == x,
                            x + " printed as " + text + " but " + shorter + " is shorter");
                }
            }
        }
    }

    @Test
    void parsingIsCorrectlyRoundedLikeTheJdk() {
        Rng rng = new Rng(7L);
        for (int i = 0; i < 3000; i++) {
            double x = Math.abs(Double.longBitsToDouble(rng.nextLong()));
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                continue;
            }
            double next = Math.nextUp(x);
            if (Double.isInfinite(next)) {
                continue;
            }
            // Exactly halfway between two doubles: ties go to the even one.
            BigDecimal half = new BigDecimal(x).add(new BigDecimal(next)).divide(BigDecimal.valueOf(2));
            BigDecimal tiny =
                    new BigDecimal(x).subtract(new BigDecimal(next)).abs().movePointLeft(30);
            for (BigDecimal value : new BigDecimal[] {
                half,
                half.add(tiny),
                half.subtract(tiny),
                new BigDecimal(x).round(new java.math.MathContext(1 + rng.nextInt(25)))
            }) {
                String plain = value.toPlainString();
                assertEquals(Double.parseDouble(plain), SpecNumbers.parseReal(plain), plain);
                String scientific = value.toString(); // may use an exponent like 1.5E-7
                assertEquals(Double.parseDouble(scientific), SpecNumbers.parseReal(scientific), scientific);
            }
        }
    }

    @Test
    void parsingHandlesTheEdgesOfTheDoubles() {
        String[] texts = {
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "4.9e-324",
            "1e-400",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e400",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "0.000",
            "-0",
            "007.50",
            "1E+2",
            "1e-0",
            "100000000000000000000000000000000000000000000000000001e-50"
        };
        for (String text : texts) {
            assertEquals(Double.parseDouble(text), SpecNumbers.parseReal(text), text);
        }
    }

    @Test
    void realGrammarRejectsEverythingElse() {
        String[] bad = {
            "",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x1p3",
            ".5",
            "5.",
            "+5",
            " 1",
            "1 ",
            "1e",
            "1e+",
            "--1",
            "1..2",
            "1,5",
            "1.5.2",
            "e5",
            "-",
            "1f",
            "1d",
            "١"
        };
        for (String text : bad) {
            assertTrue(Double.isNaN(SpecNumbers.parseReal(text)), "accepted \"" + text + "\"");
        }
        assertEquals(Double.POSITIVE_INFINITY, SpecNumbers.parseReal("1e99999999999"));
        assertEquals(0.0, SpecNumbers.parseReal("1e-99999999999"));
    }

    @Test
    void integerGrammar() {
        assertEquals(0, SpecNumbers.parseInteger("0"));
        assertEquals(500, SpecNumbers.parseInteger("500"));
        assertEquals(10, SpecNumbers.parseInteger("010"));
        assertEquals(2147483647L, SpecNumbers.parseInteger("2147483647"));
        assertEquals(2147483648L, SpecNumbers.parseInteger("2147483648"));
        assertTrue(SpecNumbers.parseInteger("99999999999999999999999") > Integer.MAX_VALUE);
        for (String text : new String[] {"", "-1", "+1", "1.0", "1e3", " 1", "1 ", "x", "0x10", "-0"}) {
            assertEquals(-1, SpecNumbers.parseInteger(text), text);
        }
    }

    @Test
    void coordinatesHaveAtMostTwoDecimalsWithinSix() {
        assertEquals(1.5, SpecNumbers.parseCoordinate("1.5"));
        assertEquals(-2.0, SpecNumbers.parseCoordinate("-2"));
        assertEquals(0.25, SpecNumbers.parseCoordinate("0.25"));
        assertEquals(1.5, SpecNumbers.parseCoordinate("1.500"));
        assertEquals(6.0, SpecNumbers.parseCoordinate("6"));
        assertEquals(-6.0, SpecNumbers.parseCoordinate("-6.00"));
        double negativeZero = SpecNumbers.parseCoordinate("-0");
        assertEquals(0, Double.compare(0.0, negativeZero), "-0 reads as +0");
        for (String text : new String[] {"6.01", "-6.01", "0.123", "1e0", "", "a", ".5", "1.", "+1", "NaN"}) {
            assertTrue(Double.isNaN(SpecNumbers.parseCoordinate(text)), text);
        }
        assertEquals("1.5", SpecNumbers.formatCoordinate(1.5));
        assertEquals("-2", SpecNumbers.formatCoordinate(-2.0));
        assertEquals("0.25", SpecNumbers.formatCoordinate(0.25));
        assertEquals("0", SpecNumbers.formatCoordinate(-0.0));
        assertEquals("0.29", SpecNumbers.formatCoordinate(0.29));
    }

    @Test
    void roundCoordinateGivesWhatTheParserReads() {
        assertEquals(0.29, SpecNumbers.roundCoordinate(0.2912));
        assertEquals(6.0, SpecNumbers.roundCoordinate(7.3));
        assertEquals(-6.0, SpecNumbers.roundCoordinate(-100));
        assertEquals(0, Double.compare(0.0, SpecNumbers.roundCoordinate(-0.001)));
        Rng rng = new Rng(3L);
        for (int i = 0; i < 2000; i++) {
            double rounded = SpecNumbers.roundCoordinate(rng.uniform(-7, 7));
            String text = SpecNumbers.formatCoordinate(rounded);
            assertEquals(rounded, SpecNumbers.parseCoordinate(text), text);
        }
    }
}
