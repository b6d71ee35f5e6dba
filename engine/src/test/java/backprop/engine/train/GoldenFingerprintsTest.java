package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.spec.SpecCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden fingerprints: specs covering every activation (composed ones too), batch normalization,
 * loss, optimizer, initializer and dataset, with their fingerprint after a fixed number of epochs. They change only with a new
 * format version; the browser parity tests check the same table in WASM and JS.
 */
public class GoldenFingerprintsTest {
    /** {spec text, epochs, fingerprint}. */
    public static final String[][] GOLDEN = {
        {
            "v=1&data=spiral&classes=2&n=500&noise=0&split=50&seed=1&features=x1,x2&layers=8:tanh,8:tanh&loss=softmax&opt=sgd&lr=0.03&batch=10&reg=none&lambda=0&init=xavier",
            "20",
            "16c14e9e4bba98e7"
        },
        {
            "data=circle&features=x1sq,x2sq&layers=&loss=svm&opt=momentum&lr=0.01&init=he&noise=10",
            "10",
            "98d4d25415410dba"
        },
        {
            "data=xor&layers=4:relu,4:leakyrelu&loss=bce&opt=adam&lr=0.01&reg=l2&lambda=0.001&seed=7",
            "10",
            "d28e2599f4d095db"
        },
        {"data=gauss&classes=4&layers=6:prelu,5:elu&loss=mse&init=uniform&noise=20&seed=3", "10", "5b47d272b5fb7a79"},
        {"data=moons&layers=6:swish,6:hswish&opt=adam&lr=0.005&reg=l1&lambda=0.0001&noise=10", "10", "350ffc82003c569b"
        },
        {"data=checker&layers=8:gelu,8:softplus&features=x1,x2,sinx1,sinx2&batch=25&n=400", "10", "1322183a876d846b"},
        {"data=spiral&classes=3&n=300&layers=6:maxout,6:sigmoid&opt=momentum&lr=0.01&split=70", "10", "ef8711dc54c331e4"
        },
        {
            "data=custom&n=6&points=1.5,-2,0;0.25,4,1;-3,-3,0;2,2,1;-1.25,0.5,0;4,-4,1&layers=3:linear&loss=svm&split=90",
            "10",
            "800c06ba82d8838b"
        },
        {"data=plane&classes=1&loss=mse&layers=4:tanh&noise=30&batch=1&n=100", "10", "c57b0400d65591b4"},
        {
            "data=multigauss&classes=1&loss=mse&layers=8:relu,8:relu&opt=adam&lr=0.01&features=x1,x2,x1x2&split=80",
            "10",
            "2e058cafc299ceb0"
        },
        {"data=moons&layers=6:sigmul_bx_x_1.5,5:mix_tanh_atan_0.3&opt=adam&lr=0.01&noise=10", "10", "a9117679d30ba481"},
        {
            "data=spiral&layers=8:gaussdiff_sin_x_0.7,8:max_tanh_bx_-0.5&features=x1,x2,sinx1&seed=4",
            "10",
            "6fe4601137add521"
        },
        // Batch normalization (:bn): a last batch of 10 rows; maxout pieces, PReLU and a composed
        // activation with a last batch of one example; a whole batch of 300 rows (more than a chunk).
        {"data=spiral&layers=8:relu:bn,8:tanh:bn&opt=adam&lr=0.01&batch=16", "10", "4c3068059e91759c"},
        {
            "data=xor&n=102&layers=6:maxout:bn,5:prelu,4:mix_tanh_atan_0.3:bn&loss=svm&reg=l2&lambda=0.001&opt=momentum&lr=0.05",
            "10",
            "fca2f903b8ec6b94"
        },
        {"data=circle&n=600&layers=4:linear:bn,3:gelu&loss=bce&batch=300&init=he", "10", "a74fca3594938657"},
    };

    /** Trains each golden spec and returns its fingerprint. */
    static String fingerprintOf(String specText, int epochs) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(specText));
        for (int e = 0; e < epochs; e++) {
            trainer.stepEpoch();
        }
        if (trainer.diverged() || trainer.epoch() != epochs) {
            throw new AssertionError(specText + " diverged or stopped at epoch " + trainer.epoch());
        }
        return trainer.fingerprint();
    }

    @Test
    void everyGoldenSpecGivesItsFingerprint() {
        List<String> wrong = new ArrayList<>();
        for (String[] row : GOLDEN) {
            String actual = fingerprintOf(row[0], Integer.parseInt(row[1]));
            if (!actual.equals(row[2])) {
                wrong.add(row[0] + " after " + row[1] + " epochs: expected " + row[2] + ", got " + actual);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
