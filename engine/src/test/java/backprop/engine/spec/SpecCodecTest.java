package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpecCodecTest {
    /** A valid spec where every key differs from its default (points are custom-only, see below). */
    private static final String ALL_CHANGED = "v=1&data=gauss&classes=3&n=300&noise=20&split=70&seed=42"
            + "&features=x1,x2,x1sq,sinx2&layers=4:relu,3:gelu&loss=svm&opt=adam&lr=0.001&batch=25&reg=l2"
            + "&lambda=0.0001&init=he";

    @Test
    void defaultTextRoundTripsExactly() {
        assertEquals(Spec.DEFAULT_TEXT, SpecCodec.print(Spec.defaults()));
        ParseResult result = SpecCodec.parse(Spec.DEFAULT_TEXT);
        assertEquals(List.of(), result.problems());
        assertEquals(Spec.defaults(), result.spec());
        assertEquals(Spec.DEFAULT_TEXT, SpecCodec.print(result.spec()));
        assertEquals(Spec.DEFAULT_TEXT, SpecCodec.canonical(Spec.DEFAULT_TEXT));
    }

    @Test
    void emptyTextAndFragmentsMeanTheDefaults() {
        for (String text : new String[] {"", "#", "v=1", "#v=1", "data=spiral"}) {
            ParseResult result = SpecCodec.parse(text);
            assertEquals(List.of(), result.problems(), text);
            assertEquals(Spec.defaults(), result.spec(), text);
        }
        assertEquals(SpecCodec.canonical(ALL_CHANGED), SpecCodec.canonical("#" + ALL_CHANGED));
    }

    @Test
    void allChangedTextIsCanonicalAndKeepsEveryValue() {
        Spec spec = SpecCodec.parseStrict(ALL_CHANGED);
        assertEquals(ALL_CHANGED, SpecCodec.print(spec));
        assertEquals(DatasetKind.GAUSS, spec.data());
        assertEquals(3, spec.classes());
        assertEquals(300, spec.n());
        assertEquals(20, spec.noise());
        assertEquals(70, spec.split());
        assertEquals(42, spec.seed());
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1SQ, Feature.SINX2), spec.features());
        assertEquals(List.of(new LayerSpec(4, Activation.RELU), new LayerSpec(3, Activation.GELU)), spec.layers());
        assertEquals(LossKind.SVM, spec.loss());
        assertEquals(OptimizerKind.ADAM, spec.opt());
        assertEquals(0.001, spec.lr());
        assertEquals(25, spec.batch());
        assertEquals(RegularizationKind.L2, spec.reg());
        assertEquals(0.0001, spec.lambda());
        assertEquals(InitKind.HE, spec.init());
    }

    @Test
    void keysInAnyOrderGiveTheSameCanonicalText() {
        List<String> pairs = new ArrayList<>(List.of(ALL_CHANGED.split("&")));
        backprop.engine.math.Rng rng = new backprop.engine.math.Rng(11L);
        for (int round = 0; round < 50; round++) {
            int[] order = new int[pairs.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            rng.shuffle(order);
            StringBuilder text = new StringBuilder();
            for (int i : order) {
                text.append(text.length() == 0 ? "" : "&").append(pairs.get(i));
            }
            assertEquals(ALL_CHANGED, SpecCodec.canonical(text.toString()), text.toString());
        }
        Collections.reverse(pairs);
        assertEquals(ALL_CHANGED, SpecCodec.canonical(String.join("&", pairs)));
    }

    @Test
    void nonCanonicalSpellingsAreAcceptedAndNormalized() {
        String text = "lr=3e-2&lambda=0.00&seed=001&features=x2,x1&layers=&n=0500&batch=10";
        String canonical = SpecCodec.canonical(text);
        assertEquals(Spec.DEFAULT_TEXT.replace("layers=8:tanh,8:tanh", "layers="), canonical);
        assertEquals("0", valueOf(SpecCodec.canonical("lambda=-0"), "lambda"));
        assertEquals("0.0000001", valueOf(SpecCodec.canonical("lr=1e-7"), "lr"));
        assertEquals("10", valueOf(SpecCodec.canonical("lr=10.000"), "lr"));
    }

    /** Every key's bad values: a problem naming the key and the value; the other keys stay. */
    @Test
    void everyBadValueIsAProblemOnItsKeyAndTakesTheDefault() {
        Map<String, String[]> bad = new TreeMap<>();
        bad.put("v", new String[] {"2", "0", "", "1.0", "+1", "-1", "one"});
        bad.put("data", new String[] {"Spiral", "", "spirals", "spiral ", "SPIRAL", "custom2", "spi=ral", "spiral#x"});
        bad.put("classes", new String[] {"1", "7", "", "2.0", "+2", "-2", "two"});
        bad.put("n", new String[] {"19", "2001", "", "20.5", "1e3", "-20", "99999999999999999999"});
        bad.put("noise", new String[] {"51", "-1", "", "5.5", "50%"});
        bad.put("split", new String[] {"9", "91", "", "50.0", "0"});
        bad.put("seed", new String[] {"2147483648", "-1", "", "1.5", "99999999999999999999", "1e3"});
        bad.put("features", new String[] {"", "x3", "x1,x1", "X1", "x1,", ",x1", "x1;x2", "x1 ,x2"});
        bad.put("layers", new String[] {
            "8",
            "0:tanh",
            "33:tanh",
            "8:tan",
            "8:Tanh",
            "8:tanh,",
            ",8:tanh",
            "8:tanh,8:tanh,8:tanh,8:tanh,8:tanh,8:tanh,8:tanh,8:tanh,8:tanh",
            ":tanh",
            "8:",
            "-8:tanh",
            "8.0:tanh",
            "8:tanh:relu"
        });
        bad.put("loss", new String[] {"softmax2", "", "SVM", "hinge"});
        bad.put("opt", new String[] {"adamw", "", "SGD"});
        bad.put("lr", new String[] {
            "0",
            "-0.1",
            "10.0000001",
            "11",
            "NaN",
            "Infinity",
            "0x1p-3",
            "",
            ".5",
            "5.",
            "+0.1",
            "1e",
            "abc",
            "1e400",
            "1e-400",
            "0,1"
        });
        bad.put("batch", new String[] {"0", "2001", "", "10.0"});
        bad.put("reg", new String[] {"l3", "", "L2"});
        bad.put("lambda", new String[] {"-0.1", "10.5", "NaN", "-Infinity", "", "1e2", "Infinity"});
        bad.put("init", new String[] {"glorot", "", "He"});
        Spec good = SpecCodec.parseStrict(ALL_CHANGED);
        Spec defaults = Spec.defaults();
        for (Map.Entry<String, String[]> entry : bad.entrySet()) {
            String key = entry.getKey();
            for (String value : entry.getValue()) {
                String text = ALL_CHANGED.replace(key + "=" + valueOf(ALL_CHANGED, key), key + "=" + value);
                ParseResult result = SpecCodec.parse(text);
                assertEquals(1, result.problems().size(), text + " -> " + result.problems());
                SpecProblem problem = result.problems().get(0);
                assertEquals(key, problem.key(), text);
                assertEquals(value, problem.value(), text);
                assertTrue(
                        problem.message().startsWith(key + ": \"" + value + "\" is not allowed; allowed: "),
                        problem.message());
                // the bad key takes its default (v: the only version), every other key stays
                String expected = ALL_CHANGED.replace(
                        key + "=" + valueOf(ALL_CHANGED, key), key + "=" + valueOf(Spec.DEFAULT_TEXT, key));
                assertEquals(expected, SpecCodec.print(result.spec()), text);
                SpecException thrown = assertThrows(SpecException.class, () -> SpecCodec.parseStrict(text));
                assertEquals(result.problems(), thrown.problems());
                assertEquals(problem.message(), thrown.getMessage());
            }
        }
        assertTrue(!good.equals(defaults));
    }

    @Test
    void allowedTextsStateTheRange() {
        assertEquals(
                "an integer from 20 to 2000 (points in total)",
                onlyProblem("n=5").allowed());
        assertEquals(
                "an integer from 0 to 50 (percent)", onlyProblem("noise=60").allowed());
        assertEquals("an integer from 0 to 2147483647", onlyProblem("seed=x").allowed());
        assertEquals(
                "an integer from 2 to 6 for data=spiral",
                onlyProblem("classes=7").allowed());
        assertTrue(onlyProblem("lr=0").allowed().startsWith("a number > 0 and <= 10"));
        assertTrue(onlyProblem("lambda=11").allowed().startsWith("a number from 0 to 10"));
        assertEquals("one of he, xavier, uniform", onlyProblem("init=glorot").allowed());
        assertTrue(onlyProblem("data=Spiral").allowed().endsWith("(names are lowercase: spiral)"));
        assertTrue(onlyProblem("layers=8:ReLU").allowed().endsWith("(names are lowercase: relu)"));
        assertTrue(onlyProblem("features=x1,x1").allowed().endsWith("x1 is listed twice"));
    }

    @Test
    void manyBadKeysAreAllReportedInTableOrder() {
        ParseResult result = SpecCodec.parse("init=x&lr=0&data=nope&seed=-3&zzz=1&classes=9&v=3");
        List<String> keys = new ArrayList<>();
        for (SpecProblem p : result.problems()) {
            keys.add(p.key());
        }
        assertEquals(List.of("v", "data", "classes", "seed", "lr", "init", "zzz"), keys);
        assertEquals(Spec.defaults(), result.spec());
    }

    @Test
    void repeatedKeysKeepTheFirstOccurrence() {
        ParseResult result = SpecCodec.parse("data=circle&noise=5&data=xor&data=spiral");
        assertEquals(DatasetKind.CIRCLE, result.spec().data());
        assertEquals(5, result.spec().noise());
        assertEquals(2, result.problems().size());
        assertEquals(
                new SpecProblem("data", "xor", "each key at most once (the first occurrence counts)"),
                result.problems().get(0));
        assertEquals("spiral", result.problems().get(1).value());
        // even a bad first occurrence counts: the key takes its default, the repeat is a problem
        ParseResult badFirst = SpecCodec.parse("lr=abc&lr=0.5");
        assertEquals(0.03, badFirst.spec().lr());
        assertEquals(
                List.of("abc", "0.5"),
                List.of(
                        badFirst.problems().get(0).value(),
                        badFirst.problems().get(1).value()));
    }

    @Test
    void unknownKeysAndMalformedPairsAreProblems() {
        ParseResult result = SpecCodec.parse("lr=0.1&speed=3&Data=circle");
        assertEquals(0.1, result.spec().lr());
        assertEquals(DatasetKind.SPIRAL, result.spec().data());
        assertEquals(2, result.problems().size());
        assertEquals("speed", result.problems().get(0).key());
        assertEquals("3", result.problems().get(0).value());
        assertEquals("Data", result.problems().get(1).key());
        assertTrue(result.problems().get(1).allowed().endsWith("(keys are lowercase: data)"));

        ParseResult missingEquals = SpecCodec.parse("noise=3&layers&seed=5");
        assertEquals(1, missingEquals.problems().size());
        assertEquals("layers", missingEquals.problems().get(0).key());
        assertEquals(Spec.defaults().layers(), missingEquals.spec().layers(), "not read as layers= (no layer)");
        assertEquals(3, missingEquals.spec().noise());
        assertEquals(5, missingEquals.spec().seed());

        for (String text :
                new String[] {"noise=3&&seed=5", "noise=3&seed=5&", "&noise=3", "noise=3&=5", "noise=3&hello"}) {
            ParseResult r = SpecCodec.parse(text);
            assertEquals(1, r.problems().size(), text);
            assertEquals("spec", r.problems().get(0).key(), text);
            assertEquals(3, r.spec().noise(), text);
        }
        // '#' is only a fragment marker at the very start
        ParseResult inner = SpecCodec.parse("v=1&#data=circle");
        assertEquals("#data", inner.problems().get(0).key());
        assertThrows(SpecException.class, () -> SpecCodec.parseStrict("##data=circle"));
    }

    @Test
    void dataDecidesClasses() {
        assertEquals(4, SpecCodec.parseStrict("data=gauss&classes=4").classes());
        assertEquals(6, SpecCodec.parseStrict("data=spiral&classes=6").classes());
        ParseResult circle = SpecCodec.parse("data=circle&classes=4");
        assertEquals(
                List.of(new SpecProblem(
                        "classes", "4", "2 for data=circle (only gauss, spiral and custom take 2 to 6 classes)")),
                circle.problems());
        assertEquals(2, circle.spec().classes());
        assertEquals(DatasetKind.CIRCLE, circle.spec().data());

        Spec plane = SpecCodec.parseStrict("data=plane");
        assertEquals(1, plane.classes());
        assertEquals(LossKind.MSE, plane.loss());
        assertEquals(1, plane.outputs());
        assertTrue(SpecCodec.print(plane).contains("&classes=1&"));
        assertTrue(SpecCodec.print(plane).contains("&loss=mse&"));
        assertEquals(
                1, SpecCodec.parseStrict("data=multigauss&classes=1&loss=mse").classes());
        ParseResult planeTwo = SpecCodec.parse("data=plane&classes=2");
        assertEquals("classes", planeTwo.problems().get(0).key());
        assertEquals(1, planeTwo.problems().size());
        assertEquals(1, planeTwo.spec().classes());
        // a bad data falls back to spiral, and classes are judged against spiral
        ParseResult badData = SpecCodec.parse("data=circles&classes=5");
        assertEquals(List.of("data"), List.of(badData.problems().get(0).key()));
        assertEquals(1, badData.problems().size());
        assertEquals(5, badData.spec().classes());
    }

    @Test
    void dataAndClassesDecideTheLoss() {
        assertEquals(LossKind.BCE, SpecCodec.parseStrict("data=circle&loss=bce").loss());
        assertEquals(
                LossKind.BCE,
                SpecCodec.parseStrict("data=spiral&classes=2&loss=bce").loss());
        ParseResult threeClasses = SpecCodec.parse("loss=bce&classes=3&data=spiral");
        assertEquals(
                List.of(new SpecProblem(
                        "loss", "bce", "softmax, svm or mse with classes=3 (bce needs exactly 2 classes)")),
                threeClasses.problems());
        assertEquals(LossKind.SOFTMAX, threeClasses.spec().loss());
        assertEquals(3, threeClasses.spec().classes());
        for (String loss : new String[] {"softmax", "svm", "bce", "nope"}) {
            ParseResult regression = SpecCodec.parse("data=multigauss&loss=" + loss);
            assertEquals(1, regression.problems().size(), loss);
            assertEquals("loss", regression.problems().get(0).key());
            assertEquals(LossKind.MSE, regression.spec().loss());
        }
        // a bad classes value falls back to 2, with which bce is fine
        ParseResult badClasses = SpecCodec.parse("data=spiral&classes=9&loss=bce");
        assertEquals(List.of("classes"), List.of(badClasses.problems().get(0).key()));
        assertEquals(LossKind.BCE, badClasses.spec().loss());
    }

    @Test
    void customPointsPrintWithAtMostTwoDecimals() {
        String text = "data=custom&points=1.5,-2,0;0.25,4,1;-0,0.10,1;6,-6.00,0;0.29,-5.99,1";
        Spec spec = SpecCodec.parseStrict(text);
        assertEquals(5, spec.n());
        assertEquals(new CustomPoint(0.25, 4, 1), spec.points().get(1));
        String printed = SpecCodec.print(spec);
        assertTrue(printed.endsWith("&init=xavier&points=1.5,-2,0;0.25,4,1;0,0.1,1;6,-6,0;0.29,-5.99,1"), printed);
        assertTrue(printed.contains("&data=custom&classes=2&n=5&"), printed);
        assertEquals(printed, SpecCodec.canonical(printed));
        assertEquals(spec, SpecCodec.parseStrict(printed));
        assertEquals(5, SpecCodec.parseStrict(text + "&n=5").n());
        // built in code: -0.0 prints as 0 and is valid
        Spec built = new Spec(
                1,
                DatasetKind.CUSTOM,
                2,
                1,
                0,
                50,
                1,
                List.of(Feature.X1),
                List.of(),
                LossKind.BCE,
                OptimizerKind.SGD,
                0.1,
                1,
                RegularizationKind.NONE,
                0,
                InitKind.HE,
                List.of(new CustomPoint(-0.0, 1, 0)));
        assertEquals(List.of(), SpecCodec.validate(built));
        assertTrue(SpecCodec.print(built).endsWith("&points=0,1,0"));
    }

    @Test
    void customPointsProblems() {
        String[] badPoints = {
            "",
            "7,0,1",
            "1,1,6",
            "1,1",
            "1,1,0;",
            "0.123,1,0",
            "1e0,1,0",
            "a,b,c",
            "1,1,-1",
            "1,1,0,1",
            ";1,1,0",
            "1, 1,0",
            "1,1,0.0",
            "-6.01,0,0"
        };
        for (String points : badPoints) {
            String text = "data=custom&noise=7&points=" + points;
            ParseResult result = SpecCodec.parse(text);
            assertEquals(1, result.problems().size(), text + " -> " + result.problems());
            assertEquals("points", result.problems().get(0).key(), text);
            assertEquals(points, result.problems().get(0).value(), text);
            // custom cannot stand without points: data takes its default, the good keys stay
            assertEquals(DatasetKind.SPIRAL, result.spec().data(), text);
            assertEquals(List.of(), result.spec().points(), text);
            assertEquals(7, result.spec().noise(), text);
        }
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            tooMany.append(i == 0 ? "" : ";").append("1,1,0");
        }
        ParseResult many = SpecCodec.parse("data=custom&points=" + tooMany);
        assertEquals("points", many.problems().get(0).key());
        assertTrue(many.problems().get(0).allowed().endsWith("501 points given"));
        assertTrue(many.problems().get(0).value().endsWith("..."), "a long value is shortened");

        ParseResult missing = SpecCodec.parse("data=custom&n=100");
        assertEquals(List.of("points"), List.of(missing.problems().get(0).key()));
        assertEquals(1, missing.problems().size());
        assertEquals(100, missing.spec().n(), "n stays when it fits the fallback set");
        assertEquals(500, SpecCodec.parse("data=custom&n=3&points=9,9,0").spec().n());

        ParseResult notCustom = SpecCodec.parse("data=circle&points=1,1,0");
        assertEquals(List.of(new SpecProblem("points", "1,1,0", "no points unless data=custom")), notCustom.problems());
        assertEquals(DatasetKind.CIRCLE, notCustom.spec().data());
        assertEquals(List.of(), notCustom.spec().points());

        ParseResult wrongN = SpecCodec.parse("data=custom&n=5&points=1,1,0;2,2,1");
        assertEquals(1, wrongN.problems().size());
        assertEquals("n", wrongN.problems().get(0).key());
        assertEquals("5", wrongN.problems().get(0).value());
        assertEquals(2, wrongN.spec().n());
        assertEquals(DatasetKind.CUSTOM, wrongN.spec().data());

        ParseResult customClasses = SpecCodec.parse("data=custom&classes=7&points=1,1,0");
        assertEquals("classes", customClasses.problems().get(0).key());
        assertEquals(2, customClasses.spec().classes());
        assertEquals(
                List.of(),
                SpecCodec.parse("data=custom&classes=3&points=1,1,0").problems(),
                "drawn data takes 2 to 6 classes");
    }

    @Test
    void sizeCapIsOneProblemAndTheDefaults() {
        String padded = padLr(SpecLimits.MAX_SPEC_BYTES);
        assertEquals(SpecLimits.MAX_SPEC_BYTES, padded.length());
        assertEquals(0.03, SpecCodec.parseStrict(padded).lr());
        ParseResult over = SpecCodec.parse(padLr(SpecLimits.MAX_SPEC_BYTES + 1) + "&data=circle");
        assertEquals(1, over.problems().size());
        assertEquals("spec", over.problems().get(0).key());
        assertEquals(Spec.defaults(), over.spec());
        // bytes, not chars: 6000 three-byte characters are 18000 bytes
        ParseResult wide = SpecCodec.parse("data=" + "€".repeat(6000));
        assertEquals("spec", wide.problems().get(0).key());
    }

    @Test
    void theLargestValidSpecFitsTheCap() {
        List<CustomPoint> points = new ArrayList<>();
        for (int i = 0; i < SpecLimits.MAX_CUSTOM_POINTS; i++) {
            points.add(new CustomPoint(-5.99, -5.99, 1));
        }
        List<LayerSpec> layers = Collections.nCopies(8, new LayerSpec(32, Activation.LEAKYRELU));
        Spec largest = new Spec(
                1,
                DatasetKind.CUSTOM,
                2,
                500,
                50,
                50,
                Integer.MAX_VALUE,
                List.of(Feature.values()),
                layers,
                LossKind.SOFTMAX,
                OptimizerKind.MOMENTUM,
                Double.MIN_VALUE,
                2000,
                RegularizationKind.NONE,
                Double.MIN_VALUE,
                InitKind.UNIFORM,
                points);
        String text = SpecCodec.print(largest);
        assertTrue(text.length() < SpecLimits.MAX_SPEC_BYTES, "length " + text.length());
        assertEquals(largest, SpecCodec.parseStrict(text));
    }

    @Test
    void validateChecksSpecsBuiltInCode() {
        Spec d = Spec.defaults();
        assertEquals(List.of(), SpecCodec.validate(d));
        Spec bad = new Spec(
                2,
                d.data(),
                9,
                5,
                -1,
                95,
                -7,
                List.of(Feature.X2, Feature.X1),
                List.of(new LayerSpec(0, Activation.RELU)),
                d.loss(),
                d.opt(),
                Double.NaN,
                0,
                d.reg(),
                Double.POSITIVE_INFINITY,
                null,
                List.of(new CustomPoint(0.1 + 0.2, 0, 0)));
        List<SpecProblem> problems = SpecCodec.validate(bad);
        List<String> keys = new ArrayList<>();
        for (SpecProblem p : problems) {
            keys.add(p.key());
        }
        assertEquals(
                List.of(
                        "v",
                        "classes",
                        "n",
                        "noise",
                        "split",
                        "seed",
                        "features",
                        "layers",
                        "lr",
                        "batch",
                        "lambda",
                        "init",
                        "points"),
                keys);
        assertEquals(
                new SpecProblem("lr", "NaN", "a number > 0 and <= 10, in plain decimal (e.g. 0.03)"), problems.get(8));
        assertEquals("null", problems.get(11).value());
        assertEquals("x2,x1", problems.get(6).value());
        SpecException thrown = assertThrows(SpecException.class, () -> SpecCodec.print(bad));
        assertEquals(problems, thrown.problems());
        StringBuilder joined = new StringBuilder();
        for (SpecProblem p : problems) {
            joined.append(joined.length() == 0 ? "" : "; ").append(p.message());
        }
        assertEquals(joined.toString(), thrown.getMessage());

        Spec regressionTwoClasses = new Spec(
                1,
                DatasetKind.PLANE,
                2,
                500,
                0,
                50,
                1,
                d.features(),
                d.layers(),
                LossKind.SOFTMAX,
                d.opt(),
                0.03,
                10,
                d.reg(),
                0,
                d.init(),
                List.of());
        List<SpecProblem> regression = SpecCodec.validate(regressionTwoClasses);
        assertEquals(
                List.of("classes", "loss"),
                List.of(regression.get(0).key(), regression.get(1).key()));

        Spec customWithoutPoints = new Spec(
                1,
                DatasetKind.CUSTOM,
                2,
                0,
                0,
                50,
                1,
                d.features(),
                d.layers(),
                d.loss(),
                d.opt(),
                0.03,
                10,
                d.reg(),
                0,
                d.init(),
                List.of());
        assertEquals("points", SpecCodec.validate(customWithoutPoints).get(0).key());

        Spec customWrongN = new Spec(
                1,
                DatasetKind.CUSTOM,
                2,
                3,
                0,
                50,
                1,
                d.features(),
                d.layers(),
                d.loss(),
                d.opt(),
                0.03,
                10,
                d.reg(),
                0,
                d.init(),
                List.of(new CustomPoint(1, 2, 1)));
        assertEquals(
                List.of(new SpecProblem(
                        "n", "3", "the number of points given, 1, for data=custom (n may be left out)")),
                SpecCodec.validate(customWrongN));
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> SpecCodec.parse(null));
        assertThrows(IllegalArgumentException.class, () -> SpecCodec.validate(null));
        assertThrows(IllegalArgumentException.class, () -> new SpecException(List.of()));
        assertTrue(SpecCodec.parse("").isValid());
    }

    private static SpecProblem onlyProblem(String text) {
        List<SpecProblem> problems = SpecCodec.parse(text).problems();
        assertEquals(1, problems.size(), text + " -> " + problems);
        return problems.get(0);
    }

    /** The default text with lr=0.03 padded with zeros to exactly {@code length} characters. */
    private static String padLr(int length) {
        int cut = Spec.DEFAULT_TEXT.indexOf("&lr=0.03") + "&lr=0.03".length();
        String before = Spec.DEFAULT_TEXT.substring(0, cut);
        String after = Spec.DEFAULT_TEXT.substring(cut);
        return before + "0".repeat(length - before.length() - after.length()) + after;
    }

    /** The value of one key in a text. */
    static String valueOf(String text, String key) {
        for (String pair : text.split("&")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        throw new AssertionError(key + " not in " + text);
    }
}
