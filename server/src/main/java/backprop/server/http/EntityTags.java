package backprop.server.http;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Entity tags for saved answers that never change, and the {@code If-None-Match} test (RFC 9110 13.1.2). */
final class EntityTags {
    private EntityTags() {}

    /**
     * The tag of a saved experiment's answer: the id is derived from the content, and the base
     * address is the one other thing the answer holds ({@code url}). Weak, because the bytes on
     * the wire may be gzipped or not.
     */
    static String of(String id, String base) {
        CRC32 crc = new CRC32();
        crc.update(base.getBytes(StandardCharsets.UTF_8));
        return "W/\"" + id + "-" + Long.toHexString(crc.getValue()) + "\"";
    }

    /** True when an {@code If-None-Match} value names this tag (weak comparison) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
