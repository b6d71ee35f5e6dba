package backprop.server.store;

/** A save (an experiment, a challenge, an attempt) that would take what is stored beyond the {@link StorageQuota}: answered 507. */
public final class QuotaExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(message, null, false, false);
    }
}
