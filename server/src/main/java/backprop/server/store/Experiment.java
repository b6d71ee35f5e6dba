package backprop.server.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A saved experiment as stored: the canonical spec, the title and description (plain text,
 * trimmed), the snapshot bytes or null, when it was saved and, if an operator took it down, when;
 * and the imported points as canonical CSV text, or null when the spec's own data is used.
 * Times are milliseconds since 1970 (UTC).
 */
public record Experiment(
        String id,
        String spec,
        String title,
        String description,
        byte[] snapshot,
        long createdAt,
        Long takenDownAt,
        String dataset) {
    /** An experiment on the spec's own data. */
    public Experiment(
            String id,
            String spec,
            String title,
            String description,
            byte[] snapshot,
            long createdAt,
            Long takenDownAt) {
        this(id, spec, title, description, snapshot, createdAt, takenDownAt, null);
    }

    public boolean takenDown() {
        return takenDownAt != null;
    }

    /** True when the two hold the same spec, title, description and snapshot (times aside). */
    public boolean sameContent(Experiment other) {
        return spec.equals(other.spec)
                && title.equals(other.title)
                && description.equals(other.description)
                && Arrays.equals(snapshot, other.snapshot)
                && Objects.equals(dataset, other.dataset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Experiment e
                && id.equals(e.id)
                && sameContent(e)
                && createdAt == e.createdAt
                && Objects.equals(takenDownAt, e.takenDownAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, spec, title, description, Arrays.hashCode(snapshot), createdAt, takenDownAt, dataset);
    }

    @Override
    public String toString() {
        return "Experiment[" + id + ", " + title + ", snapshot "
                + (snapshot == null ? "none" : snapshot.length + " bytes")
                + (dataset == null ? "" : ", imported points")
                + (takenDownAt == null ? "" : ", taken down")
                + "]";
    }
}
