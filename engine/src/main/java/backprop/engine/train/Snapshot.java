package backprop.engine.train;

/**
 * A trained state to save and resume: the counters, the parameters (layer by layer, weights,
 * biases, extras), the optimizer's state, where the current epoch stands ({@code position}:
 * training examples already used in it), and an optional loss history of
 * (epoch, trainLoss, testLoss) triples filled by the caller (at most 1,000 triples by
 * convention). {@link Trainer#resume(backprop.engine.spec.Spec, Snapshot)} continues exactly as
 * the uninterrupted run would have.
 *
 * Batch-normalized networks also carry their running statistics (see
 * {@link backprop.engine.nn.Network#runningStatistics()}); for every other network that array is
 * empty.
 *
 * <p>Bytes ({@link #toBytes()}): the ASCII magic {@code BPSN}, then int32 little-endian: format
 * version, epoch, iteration, position, number of parameters, of optimizer numbers, of history
 * numbers, and in version 2 only, of running statistics; then every number as float64
 * little-endian (IEEE-754 bits, NaN payloads kept) in that order. A snapshot without running
 * statistics is written as version 1, byte for byte as before batch normalization existed (so its
 * content id is unchanged); one with them as version 2. Both versions are read.
 */
public record Snapshot(
        int epoch,
        int iteration,
        double[] params,
        double[] optimizerState,
        int position,
        double[] lossHistory,
        double[] runningStatistics) {
    /** Version of the byte layout without running statistics. */
    public static final int FORMAT_VERSION = 1;
    /** Version of the byte layout with running statistics (batch normalization). */
    public static final int FORMAT_VERSION_WITH_RUNNING_STATISTICS = 2;

    private static final byte[] MAGIC = {'B', 'P', 'S', 'N'};
    private static final int HEADER_BYTES = 4 + 7 * 4;
    private static final int HEADER_BYTES_V2 = HEADER_BYTES + 4;

    public Snapshot {
        if (epoch < 0 || iteration < 0 || position < 0) {
            throw new IllegalArgumentException("snapshot counters must be >= 0, got epoch " + epoch + ", iteration "
                    + iteration + ", position " + position);
        }
        if (lossHistory.length % 3 != 0) {
            throw new IllegalArgumentException(
                    "loss history holds (epoch, trainLoss, testLoss) triples; got " + lossHistory.length + " numbers");
        }
    }

    /** A snapshot of a network without batch normalization (no running statistics). */
    public Snapshot(
            int epoch, int iteration, double[] params, double[] optimizerState, int position, double[] lossHistory) {
        this(epoch, iteration, params, optimizerState, position, lossHistory, new double[0]);
    }

    /** The same state with the given loss history (triples (epoch, trainLoss, testLoss)). */
    public Snapshot withLossHistory(double[] history) {
        return new Snapshot(epoch, iteration, params, optimizerState, position, history.clone(), runningStatistics);
    }

    /** The byte form described above. */
    public byte[] toBytes() {
        boolean withRunning = runningStatistics.length > 0;
        int count = params.length + optimizerState.length + lossHistory.length + runningStatistics.length;
        byte[] out = new byte[(withRunning ? HEADER_BYTES_V2 : HEADER_BYTES) + 8 * count];
        System.arraycopy(MAGIC, 0, out, 0, 4);
        int at = 4;
        at = putInt(out, at, withRunning ? FORMAT_VERSION_WITH_RUNNING_STATISTICS : FORMAT_VERSION);
        at = putInt(out, at, epoch);
        at = putInt(out, at, iteration);
        at = putInt(out, at, position);
        at = putInt(out, at, params.length);
        at = putInt(out, at, optimizerState.length);
        at = putInt(out, at, lossHistory.length);
        if (withRunning) {
            at = putInt(out, at, runningStatistics.length);
        }
        at = putDoubles(out, at, params);
        at = putDoubles(out, at, optimizerState);
        at = putDoubles(out, at, lossHistory);
        putDoubles(out, at, runningStatistics);
        return out;
    }

    /** Reads {@link #toBytes()}'s form back; throws IllegalArgumentException saying what is wrong. */
    public static Snapshot fromBytes(byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException(
                    "snapshot: " + bytes.length + " bytes, the header alone needs " + HEADER_BYTES);
        }
        for (int k = 0; k < 4; k++) {
            if (bytes[k] != MAGIC[k]) {
                throw new IllegalArgumentException("snapshot: does not start with BPSN");
            }
        }
        int version = getInt(bytes, 4);
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_WITH_RUNNING_STATISTICS) {
            throw new IllegalArgumentException("snapshot: format version " + version + ", this engine reads "
                    + FORMAT_VERSION + " and " + FORMAT_VERSION_WITH_RUNNING_STATISTICS);
        }
        int header = version == FORMAT_VERSION ? HEADER_BYTES : HEADER_BYTES_V2;
        if (bytes.length < header) {
            throw new IllegalArgumentException(
                    "snapshot: " + bytes.length + " bytes, the version " + version + " header alone needs " + header);
        }
        int epoch = getInt(bytes, 8);
        int iteration = getInt(bytes, 12);
        int position = getInt(bytes, 16);
        int paramCount = getInt(bytes, 20);
        int stateCount = getInt(bytes, 24);
        int historyCount = getInt(bytes, 28);
        int runningCount = version == FORMAT_VERSION ? 0 : getInt(bytes, 32);
        if (paramCount < 0 || stateCount < 0 || historyCount < 0 || runningCount < 0) {
            throw new IllegalArgumentException("snapshot: negative lengths " + paramCount + ", " + stateCount + ", "
                    + historyCount + ", " + runningCount);
        }
        long expected = header + 8L * ((long) paramCount + stateCount + historyCount + runningCount);
        if (expected != bytes.length) {
            throw new IllegalArgumentException("snapshot: " + bytes.length + " bytes, expected " + expected
                    + " for " + paramCount + " parameters, " + stateCount + " optimizer numbers, "
                    + historyCount + " history numbers and " + runningCount + " running statistics");
        }
        int at = header;
        double[] params = getDoubles(bytes, at, paramCount);
        at += 8 * paramCount;
        double[] state = getDoubles(bytes, at, stateCount);
        at += 8 * stateCount;
        double[] history = getDoubles(bytes, at, historyCount);
        at += 8 * historyCount;
        double[] running = getDoubles(bytes, at, runningCount);
        return new Snapshot(epoch, iteration, params, state, position, history, running);
    }

    private static int putInt(byte[] out, int at, int value) {
        for (int b = 0; b < 4; b++) {
            out[at + b] = (byte) (value >>> (8 * b));
        }
        return at + 4;
    }

    private static int getInt(byte[] in, int at) {
        int value = 0;
        for (int b = 0; b < 4; b++) {
            value |= (in[at + b] & 0xFF) << (8 * b);
        }
        return value;
    }

    private static int putDoubles(byte[] out, int at, double[] values) {
        for (double v : values) {
            long bits = Double.doubleToRawLongBits(v);
            for (int b = 0; b < 8; b++) {
                out[at + b] = (byte) (bits >>> (8 * b));
            }
            at += 8;
        }
        return at;
    }

    private static double[] getDoubles(byte[] in, int at, int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            long bits = 0;
            for (int b = 0; b < 8; b++) {
                bits |= (in[at + b] & 0xFFL) << (8 * b);
            }
            values[k] = Double.longBitsToDouble(bits);
            at += 8;
        }
        return values;
    }
}
