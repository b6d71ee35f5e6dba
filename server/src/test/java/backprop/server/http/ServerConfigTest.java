package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void unsetOrBlankVariablesMeanTheDefaults() {
        ServerConfig config =
                ServerConfig.fromEnvironment(Map.of("BACKPROP_PUBLIC_URL", " ", "BACKPROP_ADMIN_TOKEN", ""));
        assertEquals(ServerConfig.defaults(), config);
        assertNull(config.publicUrl());
        assertNull(config.adminToken());
        assertEquals(30, config.saveLimitPerMinute());
    }

    @Test
    void readsEveryVariable() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of(
                "BACKPROP_PUBLIC_URL", "https://play.example.org/course//",
                "BACKPROP_ADMIN_TOKEN", "a-long-enough-secret",
                "BACKPROP_SAVE_LIMIT_PER_MINUTE", "0",
                "BACKPROP_CLIENT_IP_HEADER", "X-Forwarded-For"));
        assertEquals("https://play.example.org/course", config.publicUrl(), "trailing slashes dropped");
        assertEquals("a-long-enough-secret", config.adminToken());
        assertEquals(0, config.saveLimitPerMinute());
        assertEquals("X-Forwarded-For", config.clientIpHeader());
    }

    @Test
    void badValuesNameTheVariableAndWhatIsAllowed() {
        for (Map<String, String> env : new Map[] {
            Map.of("BACKPROP_PUBLIC_URL", "play.example.org"),
            Map.of("BACKPROP_PUBLIC_URL", "ftp://play.example.org"),
            Map.of("BACKPROP_PUBLIC_URL", "https://play.example.org/?a=1"),
            Map.of("BACKPROP_PUBLIC_URL", "https://exa mple.org"),
            Map.of("BACKPROP_SAVE_LIMIT_PER_MINUTE", "-1"),
            Map.of("BACKPROP_SAVE_LIMIT_PER_MINUTE", "many"),
            Map.of("BACKPROP_ADMIN_TOKEN", "short"),
            Map.of("BACKPROP_CLIENT_IP_HEADER", "X Forwarded"),
            Map.of("BACKPROP_TRUST_FORWARDED", "yes")
        }) {
            String variable = env.keySet().iterator().next();
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> ServerConfig.fromEnvironment(env), env.toString());
            assertTrue(
                    e.getMessage().startsWith(variable + ": ") && e.getMessage().contains("allowed: "), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ServerConfig.fromEnvironment(Map.of("BACKPROP_ADMIN_TOKEN", "secret1")));
        assertFalse(e.getMessage().contains("secret1"), "the token is never printed");
    }

    @Test
    void forwardedHeadersAreTrustedOnlyWhenTheOperatorSaysTrue() {
        assertFalse(ServerConfig.defaults().trustForwarded());
        assertFalse(ServerConfig.fromEnvironment(Map.of()).trustForwarded());
        assertFalse(ServerConfig.fromEnvironment(Map.of("BACKPROP_TRUST_FORWARDED", "false"))
                .trustForwarded());
        assertTrue(ServerConfig.fromEnvironment(Map.of("BACKPROP_TRUST_FORWARDED", "true"))
                .trustForwarded());
    }

    @Test
    void aForwardedPrefixIsAPlainPathOrNothing() {
        assertEquals("/ml/play", PublicUrls.prefix("/ml/play/"));
        assertEquals("/playground", PublicUrls.prefix(" /playground "));
        assertEquals("", PublicUrls.prefix("/"));
        assertEquals("", PublicUrls.prefix(null));
        for (String bad :
                new String[] {"playground", "/a/../b", "/..", "/a b", "//evil.example.com", "/a?b", "/a#b", "/%2e%2e"
                }) {
            assertEquals("", PublicUrls.prefix(bad), bad);
        }
    }
}
