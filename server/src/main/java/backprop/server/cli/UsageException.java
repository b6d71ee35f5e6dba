package backprop.server.cli;

/** Bad command-line input: printed as one line on stderr, exit status {@link #EXIT_STATUS}. */
public final class UsageException extends RuntimeException {
    public static final int EXIT_STATUS = 2;

    public UsageException(String message) {
        super(message);
    }

    /** The value after an option, or a usage error naming the option. */
    static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }
}
