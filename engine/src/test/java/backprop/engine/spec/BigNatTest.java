package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import backprop.engine.math.Rng;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** BigNat against java.math.BigInteger (which the engine itself may not import). */
class BigNatTest {

    @Test
    void arithmeticMatchesBigInteger() {
        Rng rng = new Rng(5L);
        for (int i = 0; i < 500; i++) {
            String aDigits = randomDigits(rng, 1 + rng.nextInt(300));
            String bDigits = randomDigits(rng, 1 + rng.nextInt(300));
            BigNat a = BigNat.parseDecimal(aDigits);
            BigNat b = BigNat.parseDecimal(bDigits);
            BigInteger refA = new BigInteger(aDigits);
            BigInteger refB = new BigInteger(bDigits);
            assertEquals(refA.toString(), a.toString());
            assertEquals(refA.multiply(refB).toString(), a.multiply(b).toString());
            int shift = rng.nextInt(1200);
            assertEquals(refA.shiftLeft(shift).toString(), a.shiftLeft(shift).toString());
            int factor = rng.nextInt(65536);
            assertEquals(
                    refA.multiply(BigInteger.valueOf(factor)).toString(),
                    a.multiplySmall(factor).toString());
            int addend = rng.nextInt(32768);
            assertEquals(
                    refA.add(BigInteger.valueOf(addend)).toString(),
                    a.addSmall(addend).toString());
            assertEquals(Integer.signum(refA.compareTo(refB)), Integer.signum(a.compareTo(b)));
            int aExp = rng.nextInt(200);
            int bExp = rng.nextInt(200);
            assertEquals(
                    Integer.signum(refA.shiftLeft(aExp).compareTo(refB.shiftLeft(bExp))),
                    Integer.signum(BigNat.compareScaled(a, aExp, b, bExp)));
            long value = rng.nextLong() >>> (1 + rng.nextInt(63));
            assertEquals(Long.toString(value), BigNat.of(value).toString());
        }
    }

    @Test
    void powersOfFiveAndEdges() {
        for (int n = 0; n <= 1100; n += 7) {
            assertEquals(
                    BigInteger.valueOf(5).pow(n).toString(),
                    BigNat.powerOfFive(n).toString());
        }
        assertEquals("0", BigNat.ZERO.toString());
        assertEquals("0", BigNat.parseDecimal("0000").toString());
        assertEquals("10000", BigNat.parseDecimal("00010000").toString());
        assertEquals("100000000", BigNat.parseDecimal("100000000").toString());
        assertEquals(0, BigNat.parseDecimal("12").compareTo(BigNat.of(12)));
        assertThrows(IllegalArgumentException.class, () -> BigNat.of(-1));
        assertThrows(IllegalArgumentException.class, () -> BigNat.ONE.multiplySmall(65536));
    }

    @Test
    void decimalNatMatchesBigInteger() {
        Rng rng = new Rng(6L);
        for (int i = 0; i < 300; i++) {
            long a = rng.nextLong() >>> (1 + rng.nextInt(63));
            long b = rng.nextLong() >>> (1 + rng.nextInt(63));
            int five = rng.nextInt(1100);
            int two = rng.nextInt(1100);
            BigInteger refFive = BigInteger.valueOf(5).pow(five);
            BigInteger refTwo = BigInteger.TWO.pow(two);
            assertEquals(refFive.toString(), DecimalNat.powerOfFive(five).toString());
            assertEquals(refTwo.toString(), DecimalNat.powerOfTwo(two).toString());
            DecimalNat x = DecimalNat.of(a).multiply(DecimalNat.powerOfFive(five));
            BigInteger refX = BigInteger.valueOf(a).multiply(refFive);
            assertEquals(refX.toString(), x.toString());
            DecimalNat y = DecimalNat.of(b).multiply(DecimalNat.powerOfTwo(two));
            BigInteger refY = BigInteger.valueOf(b).multiply(refTwo);
            assertEquals(refX.add(refY).toString(), x.add(y).toString());
            if (refX.compareTo(refY) >= 0) {
                assertEquals(refX.subtract(refY).toString(), x.subtract(y).toString());
            } else {
                assertEquals(refY.subtract(refX).toString(), y.subtract(x).toString());
            }
            int factor = rng.nextInt(131073);
            assertEquals(
                    refX.multiply(BigInteger.valueOf(factor)).toString(),
                    x.multiplySmall(factor).toString());
        }
        assertEquals("0", DecimalNat.of(0).toString());
        assertEquals("10000", DecimalNat.of(10000).toString());
        assertThrows(IllegalArgumentException.class, () -> DecimalNat.of(1).subtract(DecimalNat.of(2)));
    }

    private static String randomDigits(Rng rng, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + rng.nextInt(10)));
        }
        if (rng.nextInt(5) == 0) {
            out.setCharAt(0, '0');
        }
        return out.toString();
    }
}
