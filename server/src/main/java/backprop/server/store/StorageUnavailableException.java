package backprop.server.store;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * The database cannot be reached (or answers too slowly), or the save queue is full: a passing
 * condition, answered 503 with {@code Retry-After}, never a fault of the request.
 */
public final class StorageUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What clients are told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /**
     * True when {@code failure} says the database could not be reached or did not answer in time
     * (a connection or socket error, a pool or statement timeout, SQLState class 08, or 57P
     * "operator intervention" such as a shutdown), rather than that the statement itself was wrong.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageUnavailableException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTimeoutException
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P")
                            || sql.getSQLState().equals("57014"))) { // 57014: statement timeout / cancel
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
