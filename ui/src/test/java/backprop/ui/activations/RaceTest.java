package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Activation;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Diagnostics;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import backprop.ui.playground.FrameLoop;
import backprop.ui.text.Html;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaceTest {
    /** Small and quick: 100 circle points, one hidden layer of 4. */
    static final String SMALL = "data=circle&n=100&layers=4:tanh&lr=0.1";

    /** A clock that advances 1 ms each time it is read. */
    static final class TickingClock implements FrameLoop.Clock {
        double now;

        @Override
        public double nowMs() {
            now += 1;
            return now;
        }
    }

    private static Race race(String spec, List<String> names, double target, int epochs, boolean off) {
        return new Race(new Race.Settings(SpecCodec.parseStrict(spec), names, target, epochs, off));
    }

    private static void runToEnd(Race race, FrameLoop.Clock clock) {
        int frames = 0;
        while (!race.finished()) {
            race.advance(clock, 20);
            assertTrue(++frames < 100_000, "the race never finished");
        }
    }

    @Test
    void withActivationReplacesEveryHiddenLayerAndKeepsTheRest() {
        Spec base = SpecCodec.parseStrict("data=spiral&layers=8:tanh,3:sigmoid,5:maxout&lr=0.01&seed=42");
        Spec relu = Race.withActivation(base, "relu");
        assertEquals(
                List.of(
                        new LayerSpec(8, Activation.RELU),
                        new LayerSpec(3, Activation.RELU),
                        new LayerSpec(5, Activation.RELU)),
                relu.layers());
        assertEquals(
                SpecCodec.print(base).replace("8:tanh,3:sigmoid,5:maxout", "8:relu,3:relu,5:relu"),
                SpecCodec.print(relu));
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> Race.withActivation(base, "swoosh"));
        assertTrue(bad.getMessage().contains("layers") && bad.getMessage().contains("swoosh"), bad.getMessage());
    }

    @Test
    void everyRunReportsEveryEpochFromZeroAndStopsAtTheLimit() {
        Race race = race(SMALL, List.of("relu", "sigmoid"), 0.3, 12, false);
        for (RaceRun run : race.runs()) {
            assertEquals(1, run.history().size(), "epoch 0 is reported before training");
            assertEquals(0, run.history().epoch(0));
        }
        runToEnd(race, new TickingClock());
        for (RaceRun run : race.runs()) {
            assertEquals(12, run.epoch());
            assertEquals(13, run.history().size());
            for (int i = 0; i <= 12; i++) {
                assertEquals(i, run.history().epoch(i));
            }
            assertEquals(run.trainer().fingerprint(), run.fingerprint());
        }
    }

    @Test
    void runsAdvanceInLockStep() {
        Race race = race(SMALL, List.of("relu", "sigmoid", "tanh"), 0.3, 40, false);
        TickingClock clock = new TickingClock();
        while (!race.finished()) {
            race.advance(clock, 7);
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (RaceRun run : race.runs()) {
                lo = Math.min(lo, run.epoch());
                hi = Math.max(hi, run.epoch());
            }
            assertTrue(hi - lo <= 1, "epochs " + lo + ".." + hi);
        }
    }

    @Test
    void bookkeepingMatchesTrainingTheSameSpecDirectly() {
        Race race = race(SMALL, List.of("relu", "sigmoid"), 0.35, 60, false);
        runToEnd(race, new TickingClock());
        for (RaceRun run : race.runs()) {
            Trainer direct = new Trainer(Race.withActivation(SpecCodec.parseStrict(SMALL), run.activation()));
            int firstAtTarget = direct.evaluate().trainLoss() <= 0.35 ? 0 : -1;
            for (int e = 1; e <= 60; e++) {
                direct.stepEpoch();
                Metrics m = direct.evaluate();
                assertEquals(m.trainLoss(), run.history().trainLoss(e), run.activation() + " epoch " + e);
                assertEquals(m.testAccuracy(), run.history().testAccuracy(e));
                if (firstAtTarget < 0 && m.trainLoss() <= 0.35) {
                    firstAtTarget = e;
                }
            }
            assertEquals(firstAtTarget, run.history().epochsToTarget(), run.activation());
            assertEquals(direct.fingerprint(), run.fingerprint());
            Diagnostics d = direct.diagnostics();
            int last = run.history().last();
            assertEquals(d.deadCount(0) / 4.0, run.history().deadFraction(last));
            assertEquals(d.saturatedCount(0) / 4.0, run.history().saturatedFraction(last));
        }
        assertTrue(race.run("relu").history().reachedTarget(), "the small spec reaches 0.35 with relu");
    }

    @Test
    void trainingTimeCountsTheBatchesAndNotTheReports() {
        // The ticking clock is read once before each slice and once after each batch; the reports
        // (evaluate, diagnostics, fingerprint) never read it. So each run's time is its batch count.
        Race race = race(SMALL, List.of("relu", "tanh"), 0.3, 5, false);
        runToEnd(race, new TickingClock());
        for (RaceRun run : race.runs()) {
            assertEquals(run.trainer().iteration(), run.trainMs(), 0.0, run.activation());
            RunHistory h = run.history();
            for (int i = 1; i < h.size(); i++) {
                assertEquals(h.epoch(i) * 5.0, h.trainMs(i), "5 batches of 10 per epoch (50 training points)");
            }
        }
    }

    @Test
    void dyingReluKillsUnitsAndOffUnitsAreExactlyTheDeadOnesForRelu() {
        Race race = race(
                "data=spiral&layers=8:relu,8:relu&init=he&lr=0.5", List.of("relu", "leakyrelu", "elu"), 0.1, 50, true);
        runToEnd(race, new TickingClock());
        RaceRun relu = race.run("relu");
        int last = relu.history().last();
        assertTrue(relu.history().deadUnits(last) > 0, "units died at lr 0.5");
        assertEquals(relu.history().deadUnits(last), relu.history().offUnits(last), "for ReLU, off everywhere = dead");
        for (int i = 0; i < relu.history().size(); i++) {
            assertEquals(relu.history().deadUnits(i), relu.history().offUnits(i), "report " + i);
        }
        assertEquals(0, race.run("leakyrelu").history().deadUnits(last), "Diagnostics counts only ReLU units as dead");
        assertTrue(race.run("leakyrelu").history().offUnits(last) >= 0);
    }

    @Test
    void badSettingsAreRefusedWithTheFieldNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> race("layers=", List.of("relu"), 0.1, 10, false))
                .getMessage()
                .startsWith("layers:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> race(SMALL, List.of(), 0.1, 10, false))
                .getMessage()
                .startsWith("activations:"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> race(SMALL, List.of("relu", "relu"), 0.1, 10, false))
                .getMessage()
                .contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> race(SMALL, List.of("relu"), 0, 10, false))
                .getMessage()
                .startsWith("target loss:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> race(SMALL, List.of("relu"), 0.1, 0, false))
                .getMessage()
                .startsWith("epochs:"));
    }

    @Test
    void theVerdictGivesMeasuredRatiosAgainstRelu() {
        Race race = race(SMALL, List.of("sigmoid", "relu"), 0.35, 60, false);
        runToEnd(race, new TickingClock());
        List<String> lines = RaceVerdict.describe(race);
        RunHistory relu = race.run("relu").history();
        RunHistory sigmoid = race.run("sigmoid").history();
        assertTrue(
                lines.get(0).startsWith("relu reached training loss \u2264 0.35 at epoch " + relu.epochsToTarget()),
                lines.get(0));
        String sig = lines.get(1);
        if (sigmoid.reachedTarget()) {
            double ratio = (double) sigmoid.epochsToTarget() / relu.epochsToTarget();
            assertTrue(sig.contains(RaceVerdict.factor(ratio, "fewer")), sig);
        } else {
            assertTrue(sig.contains("did not reach") && sig.contains("more than"), sig);
        }
        assertTrue(lines.get(lines.size() - 1).contains("6x"));
        assertEquals("2.5\u00d7 fewer", RaceVerdict.factor(2.5, "fewer"));
        assertEquals("2\u00d7 more", RaceVerdict.factor(0.5, "fewer"));
        assertEquals("850 ms", RaceVerdict.milliseconds(849.6));
        assertEquals("1.23 s", RaceVerdict.milliseconds(1234));
        assertEquals("0.42 ms", RaceVerdict.milliseconds(0.4213));
    }

    @Test
    void tableRowsNameEveryRunAndLinkToThePlaygroundAtItsEpoch() {
        Race race = race(SMALL, List.of("relu", "sigmoid"), 0.35, 8, false);
        runToEnd(race, new TickingClock());
        String rows = LabMarkup.raceRows(race);
        for (RaceRun run : race.runs()) {
            assertTrue(rows.contains("data-testid=\"race-row-" + run.activation() + "\""));
            String href = "/?epochs=8#" + run.specText();
            assertEquals(href, LabMarkup.playgroundLink(run));
            assertTrue(rows.contains("href=\"" + href.replace("&", "&amp;") + "\""), "escaped link");
            assertTrue(rows.contains(run.fingerprint()));
        }
        assertTrue(Html.escape("<a href=\"x\">&'").equals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;"));
    }

    @Test
    void theRacesPathIsMeasuredOnTheRunsOwnNetworkAtTheFirstTrainingPoint() {
        String deep = "data=xor&n=100&layers=6:tanh,6:tanh,6:tanh&lr=0.1";
        Race race = race(deep, List.of("relu", "sigmoid"), 0.01, 20, false);
        runToEnd(race, new TickingClock());
        for (RaceRun run : race.runs()) {
            Trainer direct = new Trainer(Race.withActivation(SpecCodec.parseStrict(deep), run.activation()));
            for (int e = 0; e < 20; e++) {
                direct.stepEpoch();
            }
            double[] x = direct.data().trainX();
            assertEquals(x[0], run.pathPoint()[0]);
            assertEquals(x[1], run.pathPoint()[1]);
            int label = direct.data().trainLabel()[0];
            int output = direct.outputs() > 1 ? label : 0;
            PathProduct expected = PathProduct.strongest(direct.network(), direct.featuresAt(x[0], x[1]), output);
            assertEquals(output, run.path().output());
            assertEquals(expected.product(), run.path().product(), run.activation());
            assertEquals(4, run.path().steps().size(), "three hidden layers and the output");
            String tables = PathMarkup.tables(race);
            assertTrue(tables.contains("data-testid=\"race-path-product-" + run.activation() + "\">"
                    + Html.escape(backprop.engine.graph.GraphText.significant(expected.product(), 3)) + "<"));
        }
        // the lecture's point, measured: sigmoid's factors carry σ′ ≤ 0.25, so its path is weaker
        List<PathProduct.Step> steps = race.run("sigmoid").path().steps();
        for (int l = 0; l < steps.size() - 1; l++) {
            assertTrue(steps.get(l).derivative() <= 0.25, "hidden layer " + (l + 1));
        }
        assertEquals(1, steps.get(steps.size() - 1).derivative(), "the output layer is linear");
        assertTrue(Math.abs(race.run("sigmoid").path().product())
                < Math.abs(race.run("relu").path().product()));
        Figure chart = RaceCharts.pathProducts(race.runs(), 400, 200);
        assertTrue(chart.marks().size() > 10);
        assertTrue(PathMarkup.route(race.run("relu")).startsWith("x\u2081 \u2192 unit ")
                || PathMarkup.route(race.run("relu")).startsWith("x\u2082 \u2192 unit "));
    }

    @Test
    void withAPenaltyTheTableShowsDataLossPenaltyAndTotalL() {
        String penalized = SMALL + "&reg=l2&lambda=0.01";
        Race race = race(penalized, List.of("relu", "tanh"), 0.3, 10, false);
        runToEnd(race, new TickingClock());
        String header = LabMarkup.raceHeader(race);
        assertTrue(header.contains(">Data loss<") && header.contains(">Total L<"), header);
        assertTrue(header.contains(">\u03bbR(W)<"), header);
        String rows = LabMarkup.raceRows(race);
        for (RaceRun run : race.runs()) {
            Trainer direct = new Trainer(Race.withActivation(SpecCodec.parseStrict(penalized), run.activation()));
            for (int e = 0; e < 10; e++) {
                direct.stepEpoch();
            }
            Metrics m = direct.evaluate();
            assertTrue(m.regularization() > 0);
            assertEquals(m.trainLoss() + m.regularization(), m.totalLoss());
            String name = run.activation();
            assertTrue(rows.contains("race-loss-" + name + "\">" + Digits.significant(m.trainLoss(), 4) + "<"), rows);
            assertTrue(rows.contains("race-penalty-" + name + "\">" + Digits.significant(m.regularization(), 4) + "<"));
            assertTrue(rows.contains("race-total-" + name + "\">" + Digits.significant(m.totalLoss(), 4) + "<"));
        }
        assertTrue(LabMarkup.totalNote(race).contains("\u03bb = 0.01"), LabMarkup.totalNote(race));
        Race plain = race(SMALL, List.of("relu"), 0.3, 2, false);
        assertEquals("", LabMarkup.totalNote(plain));
        assertTrue(LabMarkup.raceHeader(plain).contains(">Train loss<"));
        assertFalse(LabMarkup.raceRows(plain).contains("race-total-"));
    }

    @Test
    void severalSeedsTrainInLockStepAndTheVerdictGivesTheMedianAndTheSpread() {
        Race race = new Race(new Race.Settings(
                SpecCodec.parseStrict(SMALL + "&seed=7"), List.of("relu", "sigmoid"), 0.45, 40, false, 3));
        assertEquals(2, race.runs().size(), "the charts and the table show the first seed's runs");
        List<RaceRun> relu = race.seedRuns("relu");
        assertEquals(3, relu.size());
        assertEquals(
                List.of(7, 8, 9),
                relu.stream().map(r -> r.trainer().spec().seed()).toList(),
                "the spec's seed, then the next ones");
        assertEquals(race.runs().get(0), relu.get(0));
        runToEnd(race, new TickingClock());
        for (RaceRun run : race.seedRuns("sigmoid")) {
            assertEquals(40, run.epoch(), "every seed's run trains to the end");
        }

        // The engine's numbers, the same in every runtime: relu reaches 0.45 at epochs 15, 6 and 10 on
        // seeds 7, 8 and 9; sigmoid on none within 40 epochs.
        assertEquals(List.of(6, 10, 15), SeedSpread.epochsToTarget(relu));
        List<String> verdict = RaceVerdict.describe(race);
        assertTrue(
                verdict.contains("relu over 3 seeds: median 10 epochs to the target (fastest 6, slowest 15)."),
                verdict.toString());
        assertTrue(verdict.contains("sigmoid over 3 seeds: no seed reached the target."), verdict.toString());
    }

    @Test
    void theMedianOfSortedEpochsAndTheSeedRange() {
        assertEquals("5", SeedSpread.median(List.of(5)));
        assertEquals("6", SeedSpread.median(List.of(3, 6, 40)));
        assertEquals("4.5", SeedSpread.median(List.of(3, 6)));
        assertEquals(2147483646, Race.seedAfter(2147483647, 1), "counting down at the top of the range");
        assertEquals(11, Race.seedAfter(10, 1));
        IllegalArgumentException tooMany = assertThrows(
                IllegalArgumentException.class,
                () -> new Race(new Race.Settings(SpecCodec.parseStrict(SMALL), List.of("relu"), 0.2, 10, false, 6)));
        assertEquals("seeds: 6 is not allowed; allowed: 1..5", tooMany.getMessage());
    }
}
