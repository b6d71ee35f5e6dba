package backprop.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonFloatTest {
    private static final double[] TRICKY = {
        0.03,
        10,
        1e-5,
        1.5e16,
        1e16,
        1e15,
        123456789012345678.0,
        0.0001,
        0.00012,
        -2.5,
        0.1 + 0.2,
        1e22,
        1e23,
        Double.MIN_VALUE,
        Double.MAX_VALUE,
        Double.MIN_NORMAL,
        2.0E-3,
        5e-324,
        1 / 3.0,
        -1e-300,
        6,
        -6,
        4.35,
        0.5,
        9007199254740993.0,
        0x1.fffffffffffffp-1,
        1e-4,
        9.999999999999999e-5
    };

    @Test
    void writesWhatPythonReprWrites() {
        assertEquals("0.03", PythonFloat.repr(0.03));
        assertEquals("10.0", PythonFloat.repr(10));
        assertEquals("1e-05", PythonFloat.repr(1e-5));
        assertEquals("1.5e+16", PythonFloat.repr(1.5e16));
        assertEquals("1000000000000000.0", PythonFloat.repr(1e15));
        assertEquals("0.0001", PythonFloat.repr(1e-4));
        assertEquals("-0.0", PythonFloat.repr(-0.0));
        assertEquals("0.30000000000000004", PythonFloat.repr(0.1 + 0.2));
    }

    /** Python itself reads each text back to the same bits (float.hex against Double.toHexString) and reprs it identically. */
    @Test
    void pythonReadsEveryTextBackExactly() {
        Python3.require("math");
        List<Double> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (double x : TRICKY) {
            for (double v : new double[] {x, -x}) {
                values.add(v);
                texts.add("'" + PythonFloat.repr(v) + "'");
            }
        }
        String[] lines = Python3.output("for s in [" + String.join(", ", texts) + "]:\n"
                        + "    print(repr(float(s)), float(s).hex())\n")
                .split("\n");
        assertEquals(values.size(), lines.length);
        for (int k = 0; k < lines.length; k++) {
            String[] reprAndHex = lines[k].split(" ");
            double v = values.get(k);
            assertEquals(PythonFloat.repr(v), reprAndHex[0], "repr of " + v);
            assertEquals(
                    Double.doubleToRawLongBits(v),
                    Double.doubleToRawLongBits(Double.parseDouble(reprAndHex[1])),
                    "bits of " + v + " read back by Python as " + reprAndHex[1]);
        }
    }
}
