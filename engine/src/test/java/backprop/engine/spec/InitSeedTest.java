package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/** {@code initseed}: new initial weights on the same data, and every old spec printed as before. */
class InitSeedTest {
    @Test
    void anInitSeedEqualToTheSeedIsLeftOutSoOldSpecsPrintAsBefore() {
        assertEquals(Spec.DEFAULT_TEXT, SpecCodec.print(Spec.defaults()));
        assertEquals(Spec.DEFAULT_TEXT, SpecCodec.print(SpecCodec.parseStrict(Spec.DEFAULT_TEXT + "&initseed=1")));
        assertEquals(1, SpecCodec.parseStrict(Spec.DEFAULT_TEXT).initSeed());
    }

    @Test
    void anotherInitSeedIsPrintedAfterInitAndBeforePoints() {
        Spec spec = SpecCodec.parseStrict("v=1&data=custom&points=1,1,0;-1,-1,1&initseed=42");
        String text = SpecCodec.print(spec);
        assertTrue(text.contains("&init=xavier&initseed=42&points=1,1,0;-1,-1,1"), text);
        assertEquals(spec, SpecCodec.parseStrict(text));
    }

    @Test
    void itChangesTheInitialWeightsButNotTheDataNorTheShuffles() {
        Spec spec = Spec.defaults();
        Trainer a = new Trainer(spec);
        Trainer b = new Trainer(spec.withInitSeed(7));
        assertArrayEquals(a.data().trainX(), b.data().trainX());
        assertArrayEquals(a.data().trainLabel(), b.data().trainLabel());
        assertNotEquals(a.fingerprint(), b.fingerprint());
        assertEquals(
                new Trainer(spec.withInitSeed(7)).fingerprint(), b.fingerprint(), "the same initseed, the same start");
        assertFalse(spec.withInitSeed(7).sameExceptTuning(spec), "new weights start a new run");
    }

    @Test
    void anInitSeedOutOfRangeNamesTheKeyAndTheRange() {
        ParseResult parsed = SpecCodec.parse(Spec.DEFAULT_TEXT + "&initseed=-3");
        assertEquals(1, parsed.problems().size());
        assertEquals("initseed", parsed.problems().get(0).key());
        assertTrue(
                parsed.problems().get(0).allowed().contains("0 to 2147483647"),
                parsed.problems().get(0).allowed());
        assertEquals(1, parsed.spec().initSeed(), "the nearest valid: the seed");
    }

    @Test
    void drawnDataTakesClassesZeroToFiveAndOldTwoClassLinksReadAsBefore() {
        Spec six = SpecCodec.parseStrict("v=1&data=custom&points=1,1,5;2,2,0");
        assertEquals(6, six.classes(), "classes follow the largest drawn class");
        assertTrue(SpecCodec.print(six).contains("data=custom&classes=6&n=2&"), SpecCodec.print(six));
        String old = "v=1&data=custom&classes=2&n=2&noise=0&split=50&seed=1&features=x1,x2&layers=8:tanh,8:tanh"
                + "&loss=softmax&opt=sgd&lr=0.03&batch=10&reg=none&lambda=0&init=xavier&points=1,1,0;-1,-1,1";
        assertEquals(old, SpecCodec.print(SpecCodec.parseStrict(old)));
        ParseResult tooFew = SpecCodec.parse("v=1&data=custom&classes=2&points=1,1,3");
        assertEquals("classes", tooFew.problems().get(0).key());
        assertEquals(4, tooFew.spec().classes(), "the nearest valid: enough classes for the points");
    }
}
