package backprop.ui.playground;

/**
 * Which control a rejected value's message belongs beside: every message names its key first
 * ({@code batch: "0" is not allowed; allowed: ...}), and the key names the control that set it
 * (its {@code data-testid}). A message with no control of its own goes to the page's list.
 */
public final class ControlNotes {
    /** Keys whose control has the key as its test id. */
    private static final String[] SAME_NAME = {
        "classes", "n", "noise", "split", "seed", "loss", "opt", "lr", "batch", "reg", "lambda", "init", "layers"
    };

    private ControlNotes() {}

    /** The key a message starts with ({@code "batch"} of {@code "batch: ..."}), or null. */
    public static String keyOf(String message) {
        int colon = message.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String key = message.substring(0, colon);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 'a' || c > 'z') {
                return null;
            }
        }
        return key;
    }

    /** The test id of the control the message is about, or null when it has none. */
    public static String controlFor(String message) {
        String key = keyOf(message);
        if (key == null) {
            return null;
        }
        for (String same : SAME_NAME) {
            if (same.equals(key)) {
                return key;
            }
        }
        return switch (key) {
            case "features" -> "features";
            case "points" -> "draw-tools";
            case "initseed" -> "new-weights";
            case "weight" -> "weight-input";
            default -> null;
        };
    }
}
