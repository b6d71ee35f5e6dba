package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties over many random specs: printing and parsing are inverse; parsing always lands on a valid spec. */
class SpecRoundTripTest {
    /** Keys whose nearest valid value depends on no other key. */
    private static final List<String> INDEPENDENT_KEYS =
            List.of("v", "noise", "split", "seed", "features", "layers", "opt", "lr", "batch", "reg", "lambda", "init");

    private static final String[] JUNK = {
        "",
        "x",
        "-1",
        "0",
        "1.5",
        "1e400",
        "NaN",
        "99999999999",
        "2",
        "7",
        "Spiral",
        "custom",
        "plane",
        "bce",
        "mse",
        "8:relu",
        "x1,x1",
        "33:tanh",
        "1,1,0",
        "9,9,0",
        "a=b",
        "#",
        ":"
    };

    @Test
    void randomValidSpecsRoundTrip() {
        Rng rng = new Rng(123456789L);
        int custom = 0;
        for (int i = 0; i < 2000; i++) {
            Spec spec = RandomSpecs.next(rng);
            assertEquals(List.of(), SpecCodec.validate(spec), spec.toString());
            String text = SpecCodec.print(spec);
            assertTrue(!text.contains("E") && !text.contains("e-") && !text.contains("e+"), text);
            ParseResult parsed = SpecCodec.parse(text);
            assertEquals(List.of(), parsed.problems(), text);
            assertEquals(spec, parsed.spec(), text);
            assertEquals(text, SpecCodec.print(parsed.spec()), "print is idempotent");
            assertEquals(text, SpecCodec.canonical("#" + text));
            assertEquals(text, SpecCodec.canonical(shuffled(text, rng)));
            if (spec.data() == DatasetKind.CUSTOM) {
                custom++;
            }
        }
        assertTrue(custom > 100, "custom specs generated: " + custom);
    }

    @Test
    void lenientParsingAlwaysLandsOnAValidSpecAndKeepsGoodKeys() {
        Rng rng = new Rng(987654321L);
        int withProblems = 0;
        for (int i = 0; i < 2000; i++) {
            Spec original = RandomSpecs.next(rng);
            List<String> pairs =
                    new ArrayList<>(List.of(SpecCodec.print(original).split("&")));
            List<String> touched = new ArrayList<>();
            int mutations = 1 + rng.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = rng.nextInt(pairs.size());
                String key = pairs.get(at)
                        .substring(
                                0,
                                pairs.get(at).indexOf('=') < 0
                                        ? 0
                                        : pairs.get(at).indexOf('='));
                switch (rng.nextInt(6)) {
                    case 0: // a bad or foreign value
                        pairs.set(at, key + "=" + JUNK[rng.nextInt(JUNK.length)]);
                        touched.add(key);
                        break;
                    case 1: // the key goes missing
                        pairs.remove(at);
                        touched.add(key);
                        break;
                    case 2: // repeated, with another value (a later move may put the repeat first)
                        pairs.add(key + "=" + JUNK[rng.nextInt(JUNK.length)]);
                        touched.add(key);
                        break;
                    case 3: // unknown key
                        pairs.add(rng.nextInt(2) == 0 ? "speed=1" : "Lr=0.1");
                        break;
                    case 4: // cross-key trouble
                        pairs.add(rng.nextInt(2) == 0 ? "points=1,1,0" : "loss=bce");
                        touched.add(rng.nextInt(2) == 0 ? "points" : "loss");
                        break;
                    default: // move the pair
                        pairs.add(pairs.remove(at));
                        break;
                }
            }
            String text = String.join("&", pairs);
            ParseResult result = SpecCodec.parse(text);
            Spec nearest = result.spec();
            assertEquals(List.of(), SpecCodec.validate(nearest), text + " -> " + nearest);
            String printed = SpecCodec.print(nearest);
            assertEquals(nearest, SpecCodec.parseStrict(printed), text);
            if (!result.problems().isEmpty()) {
                withProblems++;
            }
            String originalText = SpecCodec.print(original);
            for (String key : INDEPENDENT_KEYS) {
                if (!touched.contains(key)) {
                    assertEquals(
                            SpecCodecTest.valueOf(originalText, key),
                            SpecCodecTest.valueOf(printed, key),
                            key + " in " + text);
                }
            }
        }
        assertTrue(withProblems > 1000, "texts with problems: " + withProblems);
    }

    private static String shuffled(String text, Rng rng) {
        String[] pairs = text.split("&");
        int[] order = new int[pairs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        rng.shuffle(order);
        StringBuilder out = new StringBuilder();
        for (int i : order) {
            out.append(out.length() == 0 ? "" : "&").append(pairs[i]);
        }
        return out.toString();
    }
}
