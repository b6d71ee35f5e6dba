package backprop.ui.raster;

/**
 * Class colours from the Okabe-Ito palette, chosen so that people with the common forms of
 * colour blindness can tell them apart. Colours are 0xRRGGBB.
 */
public final class Palette {
    /** Class 0 blue, class 1 orange, then bluish green, reddish purple, sky blue, vermillion. */
    private static final int[] CLASS_RGB = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00};
    /** The background where the model is unsure. */
    public static final int NEUTRAL_RGB = 0xF7F7F5;

    public static final int INK_RGB = 0x1F2328;
    /** Secondary text (axis labels, the gradient bars' numbers). */
    public static final int MUTED_INK_RGB = 0x5B6470;
    /** Tracks behind bars and gridlines. */
    public static final int TRACK_RGB = 0xE6E9ED;
    /** A dead ReLU unit's border and slash. */
    public static final int DEAD_RGB = 0x8C8C8C;
    /** A saturated sigmoid/tanh unit's border (Okabe-Ito vermillion). */
    public static final int SATURATED_RGB = 0xD55E00;

    private Palette() {}

    public static int classRgb(int label) {
        return CLASS_RGB[Math.floorMod(label, CLASS_RGB.length)];
    }

    public static int classCount() {
        return CLASS_RGB.length;
    }

    /** Linear blend: t = 0 gives {@code from}, t = 1 gives {@code to}. */
    public static int mix(int fromRgb, int toRgb, double t) {
        int r = channel(fromRgb >> 16, toRgb >> 16, t);
        int g = channel(fromRgb >> 8, toRgb >> 8, t);
        int b = channel(fromRgb, toRgb, t);
        return (r << 16) | (g << 8) | b;
    }

    private static int channel(int from, int to, double t) {
        int a = from & 0xFF;
        int b = to & 0xFF;
        return (int) (a + (b - a) * t + 0.5);
    }

    /** CSS form, e.g. {@code #0072b2}. */
    public static String css(int rgb) {
        String hex = Integer.toHexString(rgb & 0xFFFFFF);
        return "#" + "000000".substring(hex.length()) + hex;
    }
}
