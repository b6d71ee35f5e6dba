package backprop.server.store;

/**
 * A saved challenge as stored: its canonical JSON (the text its id is the hash of) and when it was
 * saved (milliseconds since 1970, UTC). Never changed once written.
 */
public record Challenge(String id, String body, long createdAt) {}
