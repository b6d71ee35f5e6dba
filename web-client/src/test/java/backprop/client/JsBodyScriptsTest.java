package backprop.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * TeaVM's JavaScript renames a {@code @JSBody}'s parameters to b, c, d... in order; a script's
 * one-letter local (a {@code var} or a callback's parameter) with one of those names shadows a
 * parameter, and the call quietly does something else in the JS runtime only (it happened: the
 * legend's colours, the keyboard cursor's row). Every script names its locals with more letters.
 */
class JsBodyScriptsTest {
    private static final Pattern JS_BODY = Pattern.compile(
            "@JSBody\\((.*?)\\)\\s*(?:public\\s+|private\\s+|protected\\s+)?static\\s+native", Pattern.DOTALL);
    private static final Pattern PARAMS = Pattern.compile("params\\s*=\\s*(\\{[^}]*\\}|\"[^\"]*\")");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ONE_LETTER_LOCAL = Pattern.compile(
            "\\bvar\\s+([a-z])\\b|function\\s*\\(\\s*([a-z])\\s*[,)]|,\\s*([a-z])\\s*\\)\\s*\\{|[,]\\s*([a-z])\\s*=(?!=)");

    /** The one-letter locals of a script that shadow one of its first {@code params} renamed parameters. */
    static List<String> shadowing(String script, int params) {
        String renamed = "bcdefghijklmnopqrstuvwxyz".substring(0, Math.min(params, 25));
        TreeSet<String> found = new TreeSet<>();
        Matcher m = ONE_LETTER_LOCAL.matcher(script);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                String name = m.group(g);
                if (name != null && renamed.contains(name)) {
                    found.add(name);
                }
            }
        }
        return new ArrayList<>(found);
    }

    @Test
    void theCheckFindsTheShadowingSeenBefore() {
        assertEquals(
                List.of("c"), shadowing("var c = document.querySelector('x'); c.style.top = (fy * 100) + '%';", 2));
        assertEquals(List.of("e"), shadowing("fetch(url).catch(function(e) { handler(0, String(e)); });", 4));
        assertEquals(List.of(), shadowing("var cursor = document.body; cursor.hidden = false;", 2));
        assertEquals(List.of(), shadowing("var e = document.body;", 2), "e is no parameter of a two-parameter body");
    }

    @Test
    void noScriptShadowsAParameter() throws IOException {
        List<String> problems = new ArrayList<>();
        int bodies = 0;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String source = Files.readString(file);
                Matcher body = JS_BODY.matcher(source);
                while (body.find()) {
                    bodies++;
                    String text = body.group(1);
                    Matcher params = PARAMS.matcher(text);
                    int count = 0;
                    int scriptFrom = 0;
                    if (params.find()) {
                        Matcher names = QUOTED.matcher(params.group(1));
                        while (names.find()) {
                            count++;
                        }
                        scriptFrom = params.end();
                    }
                    StringBuilder script = new StringBuilder();
                    Matcher parts = QUOTED.matcher(text.substring(scriptFrom));
                    while (parts.find()) {
                        script.append(parts.group(1));
                    }
                    List<String> shadow = shadowing(script.toString(), count);
                    if (!shadow.isEmpty()) {
                        int line = source.substring(0, body.start()).split("\n", -1).length;
                        problems.add(file.getFileName() + ":" + line + " shadows " + shadow);
                    }
                }
            }
        }
        assertTrue(bodies > 50, "found the scripts: " + bodies);
        assertEquals(List.of(), problems);
    }
}
