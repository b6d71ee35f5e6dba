package backprop.server.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Spec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExperimentIdTest {
    /** Values computed independently (Python: hashlib.sha256, length-prefixed fields, base 62). */
    @Test
    void matchesTheDocumentedHashComputedElsewhere() {
        assertEquals("7896mWixgJ", ExperimentId.of(Spec.DEFAULT_TEXT, "Spiral", "", null));
        assertEquals("YjnnXrwecm", ExperimentId.of(Spec.DEFAULT_TEXT, "Spiral", "A description", new byte[] {1, 2, 3}));
        assertEquals("CazchyGgiz", ExperimentId.of("v=1&lr=0.1", "<script>alert(1)</script>", "", null));
    }

    @Test
    void fieldsAreLengthPrefixedSoMovingABoundaryChangesTheId() {
        assertNotEquals(ExperimentId.of("v=1", "ab", "c", null), ExperimentId.of("v=1", "a", "bc", null));
        assertNotEquals(ExperimentId.of("v=1", "t", "", null), ExperimentId.of("v=1", "t", "", new byte[] {0}));
        assertArrayEquals(
                new byte[] {0, 0, 0, 1, 's', 0, 0, 0, 2, 't', 't', 0, 0, 0, 0, 0, 0, 0, 1, 9},
                ExperimentId.encode("s", "tt", "", new byte[] {9}));
    }

    @Test
    void idsAreTenBase62CharactersFromTheTopOfTheHash() {
        byte[] zeros = new byte[32];
        assertEquals("0000000000", ExperimentId.fromHash(zeros));
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xFF);
        // (2^256 - 1) in base 62 has 43 digits and starts with "yhjskwdA6O" (Python)
        assertEquals("yhjskwdA6O", ExperimentId.fromHash(ones));
        for (int i = 0; i < 200; i++) {
            String id = ExperimentId.of("v=1", "title " + i, "", null);
            assertTrue(id.matches("[0-9A-Za-z]{10}"), id);
            assertTrue(ExperimentId.isWellFormed(id));
        }
    }

    @Test
    void onlyTenBase62CharactersAreWellFormed() {
        assertTrue(ExperimentId.isWellFormed("aZ09bY18cX"));
        for (String bad : new String[] {
            null, "", "abc", "abcdefghijk", "abcdefghi-", "abcdefghi_", "abcdefghié", "abcdefghi ", "../../etc/"
        }) {
            assertFalse(ExperimentId.isWellFormed(bad), String.valueOf(bad));
        }
    }
}
