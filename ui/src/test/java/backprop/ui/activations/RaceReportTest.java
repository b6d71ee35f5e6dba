package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A race trained in one place and shown in another: every figure the lab reads arrives bit for bit. */
class RaceReportTest {
    private static Race.Settings settings(String spec, List<String> names, int epochs, boolean off, int seeds) {
        return new Race.Settings(SpecCodec.parseStrict(spec), names, 0.3, epochs, off, seeds);
    }

    private static Race race(String spec, List<String> names, int epochs, boolean off, int seeds) {
        return new Race(settings(spec, names, epochs, off, seeds));
    }

    private static Race mirror(String spec, List<String> names, int epochs, boolean off, int seeds) {
        Race mirror = Race.mirror(settings(spec, names, epochs, off, seeds));
        assertFalse(mirror.reported(), "a mirror measures nothing itself");
        return mirror;
    }

    /** Trains {@code trained} to its end in uneven slices, sending every slice's message to {@code mirror}. */
    private static int relay(Race trained, Race mirror) {
        RaceReport report = new RaceReport(trained);
        RaceReport.apply(mirror, report.numbers(trained), RaceReport.fingerprints(trained));
        assertTrue(mirror.reported(), "the first message brings every run's epoch 0");
        RaceTest.TickingClock clock = new RaceTest.TickingClock();
        int messages = 0;
        double budget = 3;
        while (!trained.finished()) {
            trained.advance(clock, budget);
            budget = budget > 12 ? 3 : budget + 4;
            RaceReport.apply(mirror, report.numbers(trained), RaceReport.fingerprints(trained));
            messages++;
        }
        return messages;
    }

    private static void assertSameRuns(Race trained, Race mirror) {
        assertEquals(trained.allRuns().size(), mirror.allRuns().size());
        for (int r = 0; r < trained.allRuns().size(); r++) {
            assertSameRun(trained.allRuns().get(r), mirror.allRuns().get(r));
        }
    }

    private static void assertSameRun(RaceRun expected, RaceRun actual) {
        String name = expected.activation();
        assertEquals(expected.epoch(), actual.epoch(), name);
        assertEquals(expected.diverged(), actual.diverged(), name);
        assertEquals(expected.trainMs(), actual.trainMs(), name);
        assertEquals(expected.fingerprint(), actual.fingerprint(), name);
        assertEquals(expected.metrics(), actual.metrics(), name);
        assertArrayEquals(expected.gradientNorms(), actual.gradientNorms(), name);
        assertEquals(expected.path().input(), actual.path().input(), name);
        assertEquals(expected.path().output(), actual.path().output(), name);
        assertEquals(expected.path().steps(), actual.path().steps(), name);
        RunHistory e = expected.history();
        RunHistory a = actual.history();
        assertEquals(e.size(), a.size(), name);
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.epoch(i), a.epoch(i));
            assertEquals(e.trainMs(i), a.trainMs(i));
            assertEquals(e.trainLoss(i), a.trainLoss(i));
            assertEquals(e.testLoss(i), a.testLoss(i));
            assertEquals(e.trainAccuracy(i), a.trainAccuracy(i));
            assertEquals(e.testAccuracy(i), a.testAccuracy(i));
            assertEquals(e.deadFraction(i), a.deadFraction(i));
            assertEquals(e.saturatedFraction(i), a.saturatedFraction(i));
            assertEquals(e.deadUnits(i), a.deadUnits(i));
            assertEquals(e.saturatedUnits(i), a.saturatedUnits(i));
            assertEquals(e.offUnits(i), a.offUnits(i));
        }
        assertEquals(e.epochsToTarget(), a.epochsToTarget(), name);
        assertEquals(e.msToTarget(), a.msToTarget(), name);
    }

    @Test
    void aMirrorThatNeverTrainsShowsEveryFigureOfTheTrainedRaceOverSeveralSeeds() {
        String spec = "data=xor&n=120&layers=5:tanh,4:tanh&lr=0.05&batch=10&seed=7";
        List<String> names = List.of("sigmoid", "relu", "maxout", "prelu");
        Race trained = race(spec, names, 12, false, 3);
        Race mirror = mirror(spec, names, 12, false, 3);
        assertTrue(relay(trained, mirror) > 3, "several messages, each carrying part of the race");
        assertTrue(mirror.finished());
        assertSameRuns(trained, mirror);
        assertEquals(RaceVerdict.describe(trained), RaceVerdict.describe(mirror));
        assertEquals(LabMarkup.raceRows(trained), LabMarkup.raceRows(mirror));
        assertEquals(PathMarkup.tables(trained), PathMarkup.tables(mirror));
        assertEquals(0, mirror.runs().get(0).trainer().epoch(), "the mirror's own trainers never trained");
    }

    @Test
    void theDyingDemoArrivesWithItsOffUnitsBatchNormAndADivergedRun() {
        String spec = "data=circle&n=100&layers=6:relu,6:relu&lr=3&init=he&seed=3";
        List<String> names = List.of("relu", "leakyrelu", "relu:bn", "sigmoid");
        Race trained = race(spec, names, 15, true, 1);
        Race mirror = mirror(spec, names, 15, true, 1);
        relay(trained, mirror);
        assertSameRuns(trained, mirror);
        assertTrue(mirror.finished());
        assertEquals(DyingVerdict.describe(trained), DyingVerdict.describe(mirror));
        assertEquals(LabMarkup.dyingRows(trained), LabMarkup.dyingRows(mirror));
        assertFalse(trained.runs().get(0).history().offUnits(1) < 0, "off units are counted");
        RaceRun leaky = mirror.run("leakyrelu");
        assertTrue(leaky.diverged() && leaky.epoch() < 15, "leaky ReLU diverges at lr 3 and arrives diverged");
    }

    @Test
    void aMessageOfAnotherRaceIsRefusedByName() {
        Race three = race("data=xor&n=60&layers=3:tanh&seed=1", List.of("tanh", "relu", "elu"), 2, false, 1);
        Race two = mirror("data=xor&n=60&layers=3:tanh&seed=1", List.of("tanh", "relu"), 2, false, 1);
        RaceReport report = new RaceReport(three);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RaceReport.apply(two, report.numbers(three), RaceReport.fingerprints(three)));
        assertTrue(e.getMessage().startsWith("race report: 3 runs reported, the race has 2"), e.getMessage());
    }
}
