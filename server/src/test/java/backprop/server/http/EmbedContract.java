package backprop.server.http;

import static backprop.server.http.ExperimentApiContract.assertJsonError;
import static backprop.server.http.ExperimentApiContract.body;
import static backprop.server.http.ExperimentApiContract.fieldNames;
import static backprop.server.http.ExperimentApiContract.json;
import static backprop.server.http.ExperimentApiContract.post;
import static backprop.server.http.ExperimentApiContract.trainedSnapshot;
import static backprop.server.http.ExperimentApiContract.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.DataSplit;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import backprop.server.preview.PreviewRenderer;
import backprop.server.store.Storage;
import backprop.ui.raster.Palette;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Embedding (issue 7) on a real port and a real database, once per database by its subclasses:
 * {@code /embed} pages and their framing headers, oEmbed, the preview image, and the Open Graph
 * tags and oEmbed link on {@code /e/{id}}. Two instances share the database: {@code app} (links
 * on the request's own address) and {@code publicApp} (BACKPROP_PUBLIC_URL set).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmbedContract {
    static final String TOKEN = "embed-admin-token-0123456789";
    static final String PUBLIC_URL = "https://play.example.org/course";
    /** Circles: the inner class in the middle, the outer class towards the corners. */
    static final String CIRCLE = "v=1&data=circle&n=200&features=x1,x2,x1sq,x2sq&layers=4:tanh&lr=0.1&seed=3";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Storage storage;
    private Storage second;
    private Javalin app;
    private Javalin publicApp;

    abstract Storage openStorage() throws Exception;

    void closeDatabase() throws Exception {}

    @BeforeAll
    void startServers() throws Exception {
        storage = openStorage();
        second = openStorage();
        ServerConfig config = ServerConfig.defaults().withAdminToken(TOKEN).withSaveLimitPerMinute(0);
        app = App.create(storage, config).start("127.0.0.1", 0);
        publicApp = App.create(second, config.withPublicUrl(PUBLIC_URL + "/")).start("127.0.0.1", 0);
    }

    @AfterAll
    void stopServers() throws Exception {
        for (Javalin a : new Javalin[] {app, publicApp}) {
            if (a != null) {
                a.stop();
            }
        }
        for (Storage s : new Storage[] {storage, second}) {
            if (s != null) {
                s.close();
            }
        }
        closeDatabase();
    }

    // ---- helpers -------------------------------------------------------------------------

    private static String base(Javalin server) {
        return "http://127.0.0.1:" + server.port();
    }

    private static HttpResponse<String> get(Javalin server, String path) throws Exception {
        return ExperimentApiContract.get(server, path);
    }

    private static HttpResponse<byte[]> getBytes(Javalin server, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base(server) + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String save(String spec, String title, byte[] snapshot) throws Exception {
        ObjectNode content = body(spec, title);
        if (snapshot != null) {
            content.put("snapshot", Base64.getEncoder().encodeToString(snapshot));
        }
        HttpResponse<String> saved = post(app, content);
        assertEquals(201, saved.statusCode(), saved.body());
        return json(saved).get("id").asText();
    }

    private String saveUnique(String what) throws Exception {
        return save(CIRCLE, uniqueTitle(what), null);
    }

    private void takeDown(String id) throws Exception {
        HttpResponse<String> done = ExperimentApiContract.delete(app, id, "Bearer " + TOKEN);
        assertEquals(204, done.statusCode(), done.body());
    }

    private HttpResponse<String> oembed(Javalin server, String query) throws Exception {
        return get(server, "/oembed?" + query);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertFrameable(HttpResponse<?> page) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(
                csp.contains("frame-ancestors *") && !csp.contains("frame-ancestors 'none'"), page.uri() + ": " + csp);
        assertTrue(csp.contains("script-src 'self'"), "the rest of the policy stays: " + csp);
        assertTrue(page.headers().firstValue("X-Frame-Options").isEmpty(), page.uri() + " has no X-Frame-Options");
    }

    private static void assertNotFrameable(HttpResponse<?> page) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(
                csp.contains("frame-ancestors 'none'") && !csp.contains("frame-ancestors *"), page.uri() + ": " + csp);
        assertEquals(
                "DENY",
                page.headers().firstValue("X-Frame-Options").orElse(""),
                page.uri().toString());
    }

    /** The decoded value of {@code attribute} on the one tag matching {@code tagStart} (e.g. {@code <meta property="og:title"}). */
    private static String attribute(String html, String tagStart, String attribute) {
        int at = html.indexOf(tagStart);
        assertTrue(at >= 0, "the page has " + tagStart);
        assertEquals(-1, html.indexOf(tagStart, at + 1), "only one " + tagStart);
        // The tag ends at the first '>' outside quotes ('>' may stand unescaped inside a value).
        int end = at;
        boolean quoted = false;
        while (html.charAt(end) != '>' || quoted) {
            if (html.charAt(end) == '"') {
                quoted = !quoted;
            }
            end++;
        }
        String tag = html.substring(at, end + 1);
        Matcher m = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"")
                .matcher(tag);
        assertTrue(m.find(), tag + " has " + attribute);
        return unescape(m.group(1));
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#34;", "\"")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    // ---- /embed pages and framing --------------------------------------------------------------

    @Test
    void embedPagesMayBeFramedByAnySiteAndOtherPagesByNone() throws Exception {
        String id = saveUnique("Frameable");
        for (String path : new String[] {
            "/embed/" + id, "/embed", "/embed/" + id + "?show=output&autoplay=1&epochs=50", "/embed?show=loss,output"
        }) {
            HttpResponse<String> page = get(app, path);
            assertEquals(200, page.statusCode(), path + ": " + page.body());
            assertFrameable(page);
            assertTrue(
                    Pattern.compile("<body [^>]*class=\"embed embed-(fit|rich)\"")
                            .matcher(page.body())
                            .find(),
                    path + " is the chrome-less variant");
            assertFalse(page.body().contains("class=\"site-header\""), path + " has no site header");
        }
        for (String path : new String[] {"/", "/e/" + id, "/api/experiments/" + id, "/oembed?url=x"}) {
            assertNotFrameable(get(app, path));
        }
        assertEquals(
                "DENY",
                get(app, "/embedded").headers().firstValue("X-Frame-Options").orElse(""),
                "only /embed and /embed/..., not every path that starts with the word");
    }

    @Test
    void aDotDotPathCannotBorrowTheEmbedHeaders() throws Exception {
        String id = saveUnique("Traversal");
        // Raw request: HttpClient would normalise the path before sending it.
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /embed/../e/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            boolean servedThePage = response.contains("data-testid=\"experiment-title\"");
            boolean frameable = head.contains("frame-ancestors *");
            assertFalse(servedThePage && frameable, "the experiment page never goes out frameable:\n" + head);
        }
    }

    @Test
    void theSavedEmbedCarriesTheSavedExperimentAndOnlyThePanelsAskedFor() throws Exception {
        String title = "Embedded <b>bold</b> " + uniqueTitle("");
        String id = save("v=1&data=xor&lr=0.01", title, null);

        String html = get(app, "/embed/" + id + "?show=output").body();
        assertTrue(html.contains("data-experiment-id=\"" + id + "\""), html);
        assertTrue(html.contains(
                "data-spec=\"" + SpecCodec.canonical("v=1&data=xor&lr=0.01").replace("&", "&amp;") + "\""));
        assertTrue(html.contains("Embedded &lt;b&gt;bold&lt;/b&gt;"), "the title, escaped");
        assertTrue(html.contains("href=\"/e/" + id + "\""), "open in the playground");
        assertTrue(
                Pattern.compile("<section class=\"panel network\"[^>]*\\shidden[\\s>]")
                        .matcher(html)
                        .find(),
                "the network panel is hidden with show=output");
        assertFalse(
                Pattern.compile("<section class=\"panel output\"[^>]*\\shidden[\\s>]")
                        .matcher(html)
                        .find(),
                "the output panel is shown");
        assertFalse(html.contains("og:title"), "no Open Graph tags inside an embed");

        String all = get(app, "/embed/" + id + "?show=").body();
        assertFalse(
                Pattern.compile("<section class=\"panel network\"[^>]*\\shidden[\\s>]")
                        .matcher(all)
                        .find(),
                "an empty show= shows every panel");
    }

    @Test
    void anUnknownPanelIsA400PageInsideTheFrameNamingTheAllowedPanels() throws Exception {
        String id = saveUnique("Bogus panel");
        for (String path : new String[] {"/embed/" + id + "?show=output,bogus", "/embed?show=bogus"}) {
            HttpResponse<String> page = get(app, path);
            assertEquals(400, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertFrameable(page);
            assertTrue(page.body().contains("show: \"bogus\" is not a panel"), page.body());
            assertTrue(page.body().contains("controls, network, output, loss"), page.body());
            assertFalse(page.body().contains("data-testid=\"play\""), "no playground behind the message");
        }
        assertEquals(400, get(app, "/embed?show=Output").statusCode(), "panel names are lowercase");
    }

    @Test
    void anUnknownOrTakenDownEmbedIsASmallFrameablePage() throws Exception {
        for (String id : new String[] {"0000000000", "nope", "abcdefghi%C3%A9"}) {
            HttpResponse<String> page = get(app, "/embed/" + id);
            assertEquals(404, page.statusCode(), id);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), id);
            assertFrameable(page);
            assertTrue(page.body().contains("Experiment not found"), page.body());
            assertTrue(page.body().contains("<body class=\"embed\">"), "fits a frame: no site chrome");
            assertFalse(page.body().contains("data-testid=\"play\""), "no playground");
            assertTrue(page.body().length() < 2000, "small: " + page.body().length() + " characters");
        }
        String title = uniqueTitle("Embed taken down");
        String id = save(CIRCLE, title, null);
        takeDown(id);
        HttpResponse<String> gone = get(app, "/embed/" + id);
        assertEquals(410, gone.statusCode());
        assertFrameable(gone);
        assertTrue(gone.body().contains("Experiment taken down"), gone.body());
        assertFalse(gone.body().contains(title), "the title is gone");
    }

    // ---- oEmbed --------------------------------------------------------------------------------

    @Test
    void oEmbedAnswersTheIframeForAnExperimentPage() throws Exception {
        String title = "<script>alert(\"x\")</script> Tom's & Jerry's " + uniqueTitle("");
        String id = save(CIRCLE, title, null);
        String base = base(app);

        HttpResponse<String> answer = oembed(app, "url=" + q(base + "/e/" + id) + "&format=json");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode o = json(answer);
        assertEquals(
                List.of(
                        "version",
                        "type",
                        "provider_name",
                        "provider_url",
                        "title",
                        "html",
                        "width",
                        "height",
                        "thumbnail_url",
                        "thumbnail_width",
                        "thumbnail_height"),
                fieldNames(o));
        assertEquals("1.0", o.get("version").asText());
        assertEquals("rich", o.get("type").asText());
        assertEquals("Backprop Playground", o.get("provider_name").asText());
        assertEquals(base + "/", o.get("provider_url").asText());
        assertEquals(title, o.get("title").asText(), "the title as text, JSON-escaped only");
        assertEquals(720, o.get("width").asInt());
        assertEquals(560, o.get("height").asInt());
        assertTrue(o.get("width").isInt() && o.get("thumbnail_width").isInt(), "numbers, not strings");
        assertEquals(
                base + "/api/experiments/" + id + "/preview.png",
                o.get("thumbnail_url").asText());
        assertEquals(PreviewRenderer.SIZE, o.get("thumbnail_width").asInt());
        assertEquals(PreviewRenderer.SIZE, o.get("thumbnail_height").asInt());
        String escapedTitle = title.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
        assertEquals(
                "<iframe src=\"" + base + "/embed/" + id + "?show=output,loss\" width=\"720\" height=\"560\" title=\""
                        + escapedTitle + "\" loading=\"lazy\" allow=\"clipboard-write\" frameborder=\"0\"></iframe>",
                o.get("html").asText());
        assertFalse(o.get("html").asText().contains("<script>"), "the title never becomes markup");
        assertEquals(
                "*", answer.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

        // The embed's own address, the https form of the same host, a fragment and no format all work.
        for (String url : new String[] {
            base + "/embed/" + id,
            base.replace("http:", "https:") + "/e/" + id,
            base + "/e/" + id + "?v=1#v=1",
            base + "/e/" + id + "/"
        }) {
            HttpResponse<String> same = oembed(app, "url=" + q(url));
            assertEquals(200, same.statusCode(), url + ": " + same.body());
            assertEquals(o.get("html").asText(), json(same).get("html").asText(), url);
        }
        assertEquals(200, get(app, "/embed/" + id).statusCode(), "the iframe's address serves the embed");
    }

    @Test
    void oEmbedBuildsEveryAddressOnThePublicUrl() throws Exception {
        String id = saveUnique("Public oEmbed");
        JsonNode o = json(oembed(publicApp, "url=" + q(PUBLIC_URL + "/e/" + id)));
        assertEquals(PUBLIC_URL + "/", o.get("provider_url").asText());
        assertTrue(
                o.get("html")
                        .asText()
                        .startsWith("<iframe src=\"" + PUBLIC_URL + "/embed/" + id + "?show=output,loss\""),
                o.toString());
        assertEquals(
                PUBLIC_URL + "/api/experiments/" + id + "/preview.png",
                o.get("thumbnail_url").asText());
        assertEquals(
                200,
                oembed(publicApp, "url=" + q("http://PLAY.example.org/course/embed/" + id))
                        .statusCode(),
                "http form, host in capitals");

        // Behind a public address, the instance's own address is foreign, and so is the wrong path.
        assertJsonError(oembed(publicApp, "url=" + q(base(publicApp) + "/e/" + id)), 404);
        assertJsonError(oembed(publicApp, "url=" + q("https://play.example.org/e/" + id)), 404);
        assertJsonError(oembed(publicApp, "url=" + q("https://play.example.org:8443/course/e/" + id)), 404);
    }

    @Test
    void oEmbedRefusesForeignAndUnknownAddresses() throws Exception {
        String id = saveUnique("Foreign");
        String base = base(app);
        for (String url : new String[] {
            "https://evil.example.com/e/" + id,
            "http://localhost:" + app.port() + "/e/" + id,
            "http://127.0.0.1:1/e/" + id,
            base + "/graphs",
            base + "/",
            base + "/e/",
            base + "/e/" + id + "/more",
            base + "/api/experiments/" + id,
            "ftp://127.0.0.1:" + app.port() + "/e/" + id,
            "not a url at all",
            "http://user@127.0.0.1:" + app.port() + "/e/" + id,
            "/e/" + id
        }) {
            HttpResponse<String> answer = oembed(app, "url=" + q(url));
            assertJsonError(answer, 404);
            assertTrue(
                    json(answer).get("error").asText().contains("/e/<id>"), "says what is allowed: " + answer.body());
        }
        assertJsonError(oembed(app, "url=" + q(base + "/e/0000000000")), 404);
        assertJsonError(oembed(app, "url=" + q(base + "/embed/not-an-id")), 404);
        HttpResponse<String> missing = oembed(app, "format=json");
        assertJsonError(missing, 400);
        assertTrue(json(missing).get("error").asText().startsWith("url: missing"), missing.body());
        assertJsonError(oembed(app, "url="), 400);

        takeDown(id);
        assertJsonError(oembed(app, "url=" + q(base + "/e/" + id)), 410);
    }

    @Test
    void oEmbedFitsMaxwidthAndMaxheightAndRefusesBadOnes() throws Exception {
        String id = saveUnique("Sizes");
        String url = "url=" + q(base(app) + "/e/" + id);
        // {maxwidth, maxheight (0: none), width, height, thumbnail side}: below the smallest embed, the smallest embed.
        int[][] cases = {
            {500, 0, 500, 560, 500},
            {0, 300, 720, 300, 300},
            {400, 240, 400, 240, 240},
            {2000, 2000, 720, 560, 600},
            {320, 0, 320, 560, 320},
            {720, 560, 720, 560, 560},
            {319, 0, 320, 560, 319},
            {100, 50, 320, 240, 64},
            {0, 239, 720, 240, 239},
            {1, 1, 320, 240, 64}
        };
        for (int[] c : cases) {
            String query = url + (c[0] > 0 ? "&maxwidth=" + c[0] : "") + (c[1] > 0 ? "&maxheight=" + c[1] : "");
            JsonNode o = json(oembed(app, query));
            assertEquals(c[2], o.get("width").asInt(), query);
            assertEquals(c[3], o.get("height").asInt(), query);
            assertTrue(
                    o.get("html").asText().contains(" width=\"" + c[2] + "\" height=\"" + c[3] + "\" "), o.toString());
            assertEquals(c[4], o.get("thumbnail_width").asInt(), query);
            assertEquals(c[4], o.get("thumbnail_height").asInt(), query);
            String thumbnail = o.get("thumbnail_url").asText();
            assertEquals(
                    c[4] == PreviewRenderer.SIZE ? "" : "?size=" + c[4], thumbnail.replaceFirst("^[^?]*", ""), query);
            HttpResponse<byte[]> image = getBytes(
                    app,
                    URI.create(thumbnail).getRawPath()
                            + (URI.create(thumbnail).getRawQuery() == null
                                    ? ""
                                    : "?" + URI.create(thumbnail).getRawQuery()));
            assertEquals(200, image.statusCode(), thumbnail);
            BufferedImage picture = ImageIO.read(new java.io.ByteArrayInputStream(image.body()));
            assertEquals(c[4], picture.getWidth(), "the thumbnail is drawn at the size it says: " + thumbnail);
            assertEquals(c[4], picture.getHeight(), thumbnail);
        }
        String[][] bad = {
            {"maxwidth", "0"},
            {"maxwidth", "-720"},
            {"maxwidth", "abc"},
            {"maxwidth", "5.5"},
            {"maxwidth", "99999999999"},
            {"maxheight", "x"},
            {"maxheight", "100001"}
        };
        for (String[] b : bad) {
            HttpResponse<String> answer = oembed(app, url + "&" + b[0] + "=" + q(b[1]));
            assertJsonError(answer, 400);
            String error = json(answer).get("error").asText();
            assertTrue(error.startsWith(b[0] + ": "), error);
            assertTrue(error.contains("allowed: an integer from 1 to 100000"), error);
        }
        assertJsonError(get(app, "/api/experiments/" + id + "/preview.png?size=63"), 400);
        assertJsonError(get(app, "/api/experiments/" + id + "/preview.png?size=601"), 400);
    }

    @Test
    void oEmbedKeepsThePanelsAndAutoplayOfTheUrlAndAnswersTheExplorer() throws Exception {
        String id = saveUnique("Panels kept");
        String base = base(app);
        String[][] cases = {
            {base + "/embed/" + id + "?show=output", "?show=output"},
            {base + "/embed/" + id + "?show=loss,output&autoplay=1", "?show=output,loss&amp;autoplay=1"},
            {base + "/e/" + id + "?autoplay=1&epochs=40", "?show=output,loss&amp;autoplay=1&amp;epochs=40"},
            {base + "/embed/" + id + "?show=network,controls,output,loss", "?show=controls,network,output,loss"},
            {base + "/embed/" + id + "?show=bogus", "?show=output,loss"},
            {base + "/embed/" + id + "?autoplay=0", "?show=output,loss"}
        };
        for (String[] c : cases) {
            JsonNode o = json(oembed(app, "url=" + q(c[0])));
            assertTrue(
                    o.get("html").asText().startsWith("<iframe src=\"" + base + "/embed/" + id + c[1] + "\""),
                    c[0] + " -> " + o.get("html").asText());
        }
        HttpResponse<String> graph =
                oembed(app, "url=" + q(base + "/graph?expr=" + q("x*y") + "&x=-2&y=5") + "&maxwidth=400");
        assertEquals(200, graph.statusCode(), graph.body());
        JsonNode g = json(graph);
        assertEquals("rich", g.get("type").asText());
        assertEquals(400, g.get("width").asInt());
        assertTrue(
                g.get("html").asText().startsWith("<iframe src=\"" + base + "/graph/embed?expr=x*y&amp;x=-2&amp;y=5\""),
                g.get("html").asText());
        JsonNode race = json(oembed(app, "url=" + q(base + "/activations#data=xor&layers=4:relu")));
        assertTrue(
                race.get("html")
                        .asText()
                        .startsWith("<iframe src=\"" + base + "/activations/embed#data=xor&amp;layers=4:relu\""),
                race.toString());
        HttpResponse<String> raceEmbed = get(app, "/activations/embed");
        assertFrameable(raceEmbed);
        assertTrue(raceEmbed.body().contains("data-testid=\"race-spec\""));
        String page = get(app, "/graph?expr=" + q("x*y") + "&x=-2").body();
        assertTrue(
                page.contains(
                        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + base + "/oembed?url="),
                "the explorer's page names its oEmbed");
    }

    @Test
    void oEmbedSpeaksOnlyJson() throws Exception {
        String id = saveUnique("Formats");
        for (String format : new String[] {"xml", "JSON", "json+oembed"}) {
            HttpResponse<String> answer = oembed(app, "url=" + q(base(app) + "/e/" + id) + "&format=" + format);
            assertJsonError(answer, 501);
            assertTrue(json(answer).get("error").asText().contains("allowed: json"), answer.body());
        }
        assertEquals(
                200,
                oembed(app, "url=" + q(base(app) + "/e/" + id) + "&format=json").statusCode());
        assertEquals(
                200,
                oembed(app, "url=" + q(base(app) + "/e/" + id) + "&format=").statusCode(),
                "empty: the default");
    }

    // ---- sandboxes, LMS frames and proxies (issue 14) -----------------------------------------------

    private static HttpResponse<String> getWith(Javalin server, String path, String... headers) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base(server) + path))
                        .headers(headers)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whatAnEmbedReadsMayBeReadFromAnyOriginButNoWriteAnswerMay() throws Exception {
        String id = saveUnique("Cross-origin reads");
        for (String path : new String[] {
            "/static/js/boot.js",
            "/static/css/embed.css",
            "/static/embed.js",
            "/client/js/client.js",
            "/api/experiments/" + id,
            "/api/experiments/" + id + "/preview.png",
            "/oembed?url=" + q(base(app) + "/e/" + id)
        }) {
            HttpResponse<String> answer = getWith(app, path, "Origin", "null");
            assertEquals(
                    "*",
                    answer.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                    path + " " + answer.statusCode());
        }
        HttpResponse<String> saved = post(app, body(CIRCLE, uniqueTitle("no CORS on writes")));
        assertEquals(201, saved.statusCode());
        assertTrue(saved.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "never on a write");
        HttpResponse<String> refused = ExperimentApiContract.delete(app, id, "Bearer wrong-token-wrong-token");
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "never on a take-down");
        HttpResponse<String> page = get(app, "/e/" + id);
        assertTrue(page.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "pages are not public data");
        HttpResponse<String> script = get(app, "/static/embed.js");
        assertEquals(
                "public, max-age=300",
                script.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("backprop:resize"));
    }

    @Test
    void anExperimentPageAskedForAsAFrameIsTheEmbed() throws Exception {
        String id = saveUnique("Framed by an LMS");
        HttpResponse<String> page = get(app, "/e/" + id);
        assertNotFrameable(page);
        assertEquals("Sec-Fetch-Dest", page.headers().firstValue("Vary").orElse(""));
        assertTrue(page.body().contains("site-header"));
        for (String dest : new String[] {"iframe", "frame"}) {
            HttpResponse<String> framed = getWith(app, "/e/" + id, "Sec-Fetch-Dest", dest);
            assertEquals(200, framed.statusCode());
            assertFrameable(framed);
            assertEquals("Sec-Fetch-Dest", framed.headers().firstValue("Vary").orElse(""));
            assertTrue(framed.body().contains("class=\"embed embed-rich\""), framed.body());
            assertFalse(framed.body().contains("site-header"));
        }
        // Cached separately: the plain page after the framed one is still the page.
        assertTrue(get(app, "/e/" + id).body().contains("site-header"));
        assertNotFrameable(getWith(app, "/e/" + id, "Sec-Fetch-Dest", "document"));
        HttpResponse<String> home = getWith(app, "/", "Sec-Fetch-Dest", "iframe");
        assertFrameable(home);
        assertTrue(
                home.body().contains("class=\"embed embed-rich\""),
                "the home page framed: the embed of the fragment's experiment");
        assertNotFrameable(get(app, "/"));
        HttpResponse<String> missing = getWith(app, "/e/0000000000", "Sec-Fetch-Dest", "iframe");
        assertEquals(404, missing.statusCode());
        assertFrameable(missing);
    }

    @Test
    void underAPublicUrlWithAPathEveryAddressInThePagesFollowsIt() throws Exception {
        String id = json(post(publicApp, body(CIRCLE, uniqueTitle("Under a path"))))
                .get("id")
                .asText();
        for (String path : new String[] {
            "/",
            "/e/" + id,
            "/embed/" + id,
            "/embed",
            "/graph",
            "/graph/embed",
            "/activations",
            "/bench",
            "/e/0000000000",
            "/embed/0000000000"
        }) {
            String html = get(publicApp, path).body();
            Matcher rooted = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"").matcher(html);
            while (rooted.find()) {
                assertTrue(rooted.group(1).startsWith("/course/"), path + ": " + rooted.group(0));
            }
            assertTrue(html.contains("/course/static/"), path);
        }
        assertTrue(get(publicApp, "/e/" + id).body().contains("data-root=\"/course\""));
    }

    @Test
    void forwardedHeadersNameThePublicAddressOnlyWhenTrusted() throws Exception {
        String id = saveUnique("Forwarded");
        String[] forwarded = {
            "X-Forwarded-Proto", "https", "X-Forwarded-Host", "proxy.example.edu", "X-Forwarded-Prefix", "/ml/play/"
        };
        HttpResponse<String> untrusted = getWith(app, "/api/experiments/" + id, forwarded);
        assertEquals(
                base(app) + "/e/" + id, json(untrusted).get("url").asText(), "ignored unless the operator says so");
        Javalin trusting = App.create(storage, ServerConfig.defaults().withTrustForwarded(true))
                .start("127.0.0.1", 0);
        try {
            assertEquals(
                    "https://proxy.example.edu/ml/play/e/" + id,
                    json(getWith(trusting, "/api/experiments/" + id, forwarded))
                            .get("url")
                            .asText());
            String html = getWith(trusting, "/e/" + id, forwarded).body();
            assertTrue(html.contains("href=\"/ml/play/static/css/playground.css?v="), html);
            assertTrue(html.contains("content=\"https://proxy.example.edu/ml/play/e/" + id + "\""), "og:url");
            assertEquals(
                    base(trusting) + "/e/" + id,
                    json(get(trusting, "/api/experiments/" + id)).get("url").asText(),
                    "without the headers, the request's own address");
            assertEquals(
                    "https://proxy.example.edu/e/" + id,
                    json(getWith(
                                    trusting,
                                    "/api/experiments/" + id,
                                    "X-Forwarded-Proto",
                                    "https",
                                    "X-Forwarded-Host",
                                    "proxy.example.edu",
                                    "X-Forwarded-Prefix",
                                    "/../x y"))
                            .get("url")
                            .asText(),
                    "a prefix that is not a plain path is dropped");
        } finally {
            trusting.stop();
        }
    }

    // ---- the preview image ---------------------------------------------------------------------

    @Test
    void thePreviewOfAnUntrainedExperimentIsTheDataOverTheNeutralBackground() throws Exception {
        String id = saveUnique("Untrained preview");

        HttpResponse<byte[]> first = getBytes(app, "/api/experiments/" + id + "/preview.png");

        assertEquals(200, first.statusCode());
        assertEquals("image/png", first.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "public, max-age=86400",
                first.headers().firstValue("Cache-Control").orElse(""));
        byte[] png = first.body();
        assertArrayEquals(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, java.util.Arrays.copyOf(png, 8));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(600, image.getWidth());
        assertEquals(600, image.getHeight());
        assertEquals(
                Palette.NEUTRAL_RGB,
                image.getRGB(2, 2) & 0xFFFFFF,
                "no regions without training: the corner is neutral");
        assertPointsInTheirClassColours(image, new Trainer(SpecCodec.parseStrict(CIRCLE)).data());

        assertArrayEquals(
                png, getBytes(app, "/api/experiments/" + id + "/preview.png").body(), "the same bytes again");
        assertArrayEquals(
                png,
                getBytes(publicApp, "/api/experiments/" + id + "/preview.png").body(),
                "another instance renders the same bytes");
    }

    @Test
    void thePreviewOfATrainedExperimentShowsTheLearnedRegions() throws Exception {
        byte[] snapshot = trainedSnapshot(CIRCLE, 150);
        String id = save(CIRCLE, uniqueTitle("Trained preview"), snapshot);
        String untrained = saveUnique("Untrained twin");

        byte[] png = getBytes(app, "/api/experiments/" + id + "/preview.png").body();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(600, image.getWidth());
        assertFalse(
                java.util.Arrays.equals(
                        png,
                        getBytes(app, "/api/experiments/" + untrained + "/preview.png")
                                .body()),
                "training changed the picture");

        DataSplit data = new Trainer(SpecCodec.parseStrict(CIRCLE)).data();
        assertPointsInTheirClassColours(image, data);
        // The corner is far from every point; the network puts it in the outer ring's class.
        int outer = labelOfFarthestPoint(data);
        int corner = image.getRGB(3, 3) & 0xFFFFFF;
        assertNotEquals(Palette.NEUTRAL_RGB, corner, "a region colour, not the background");
        assertTrue(
                distance(corner, Palette.classRgb(outer)) < distance(corner, Palette.classRgb(1 - outer)),
                "the corner is tinted with class " + outer + ": " + Palette.css(corner));
        int centre = regionColourNear(image, data, 0, 0);
        assertTrue(
                distance(centre, Palette.classRgb(1 - outer)) < distance(centre, Palette.classRgb(outer)),
                "the middle is tinted with the inner class: " + Palette.css(centre));
    }

    @Test
    void previewsOfUnknownOrTakenDownExperimentsAreJsonErrors() throws Exception {
        assertJsonError(get(app, "/api/experiments/0000000000/preview.png"), 404);
        assertJsonError(get(app, "/api/experiments/bad/preview.png"), 404);
        String id = saveUnique("Preview taken down");
        assertEquals(
                200, getBytes(app, "/api/experiments/" + id + "/preview.png").statusCode(), "cached before");
        takeDown(id);
        assertJsonError(get(app, "/api/experiments/" + id + "/preview.png"), 410);
    }

    /** At least 80% of the points' centre pixels are exactly their class colour (overlaps account for the rest). */
    private static void assertPointsInTheirClassColours(BufferedImage image, DataSplit data) {
        int matching = 0;
        int total = data.trainLabel().length;
        boolean[] seen = new boolean[2];
        for (int i = 0; i < total; i++) {
            int rgb = image.getRGB(pixel(data.trainX()[2 * i]), pixel(-data.trainX()[2 * i + 1])) & 0xFFFFFF;
            if (rgb == Palette.classRgb(data.trainLabel()[i])) {
                matching++;
                seen[data.trainLabel()[i]] = true;
            }
        }
        assertTrue(matching >= total * 8 / 10, matching + " of " + total + " training points in their class colour");
        assertTrue(seen[0] && seen[1], "both class colours appear");
    }

    private static int pixel(double coordinate) {
        return (int) ((coordinate + 6) * PreviewRenderer.SIZE / 12.0);
    }

    private static int labelOfFarthestPoint(DataSplit data) {
        double[] xy = data.trainX();
        int best = 0;
        for (int i = 1; i < data.trainLabel().length; i++) {
            if (xy[2 * i] * xy[2 * i] + xy[2 * i + 1] * xy[2 * i + 1]
                    > xy[2 * best] * xy[2 * best] + xy[2 * best + 1] * xy[2 * best + 1]) {
                best = i;
            }
        }
        return data.trainLabel()[best];
    }

    /** The colour of a pixel near (x1, x2) that no point covers (at least 8 px from every point). */
    private static int regionColourNear(BufferedImage image, DataSplit data, double x1, double x2) {
        for (int radius = 0; radius < 100; radius++) {
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    int px = pixel(x1) + dx;
                    int py = pixel(-x2) + dy;
                    if (clearOfPoints(px, py, data)) {
                        return image.getRGB(px, py) & 0xFFFFFF;
                    }
                }
            }
        }
        throw new AssertionError("no free pixel near (" + x1 + ", " + x2 + ")");
    }

    private static boolean clearOfPoints(int px, int py, DataSplit data) {
        for (double[] xy : new double[][] {data.trainX(), data.testX()}) {
            for (int i = 0; i < xy.length / 2; i++) {
                double dx = pixel(xy[2 * i]) - px;
                double dy = pixel(-xy[2 * i + 1]) - py;
                if (dx * dx + dy * dy < 64) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double distance(int a, int b) {
        double dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
        double dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
        double db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    // ---- Open Graph and oEmbed discovery on /e/{id} ----------------------------------------------

    @Test
    void theExperimentPageCarriesOpenGraphTagsAndTheOEmbedLinkEscaped() throws Exception {
        String title = "<script>alert(1)</script> \"quoted\" & more " + uniqueTitle("");
        ObjectNode content = body(CIRCLE, title);
        content.put("description", "Line one.\nLine <two> & three.");
        HttpResponse<String> saved = post(app, content);
        String id = json(saved).get("id").asText();
        String base = base(app);

        String html = get(app, "/e/" + id).body();

        assertFalse(html.contains("<script>alert(1)"), "no raw script from the title");
        assertEquals(title, attribute(html, "<meta property=\"og:title\"", "content"));
        assertEquals("Line one. Line <two> & three.", attribute(html, "<meta property=\"og:description\"", "content"));
        assertEquals("website", attribute(html, "<meta property=\"og:type\"", "content"));
        assertEquals(base + "/e/" + id, attribute(html, "<meta property=\"og:url\"", "content"));
        assertEquals(
                base + "/api/experiments/" + id + "/preview.png",
                attribute(html, "<meta property=\"og:image\"", "content"));
        assertEquals("600", attribute(html, "<meta property=\"og:image:width\"", "content"));
        assertEquals("600", attribute(html, "<meta property=\"og:image:height\"", "content"));
        assertEquals("summary_large_image", attribute(html, "<meta name=\"twitter:card\"", "content"));
        String linkTag = "<link rel=\"alternate\" type=\"application/json+oembed\"";
        assertEquals(title, attribute(html, linkTag, "title"));
        String discovery = attribute(html, linkTag, "href");
        assertEquals(base + "/oembed?url=" + q(base + "/e/" + id) + "&format=json", discovery);

        // What a consumer does next: follow the discovery link.
        HttpResponse<String> o =
                HTTP.send(HttpRequest.newBuilder(URI.create(discovery)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, o.statusCode(), o.body());
        assertEquals(title, json(o).get("title").asText());
        assertEquals(
                200,
                getBytes(
                                app,
                                URI.create(attribute(html, "<meta property=\"og:image\"", "content"))
                                        .getPath())
                        .statusCode());

        String onPublic = get(publicApp, "/e/" + id).body();
        assertEquals(PUBLIC_URL + "/e/" + id, attribute(onPublic, "<meta property=\"og:url\"", "content"));
        assertEquals(
                PUBLIC_URL + "/oembed?url=" + q(PUBLIC_URL + "/e/" + id) + "&format=json",
                attribute(onPublic, linkTag, "href"));
    }

    @Test
    void onlySavedExperimentPagesCarryTheSharingTags() throws Exception {
        String id = save(CIRCLE, uniqueTitle("No description"), null);
        String html = get(app, "/e/" + id).body();
        assertTrue(
                attribute(html, "<meta property=\"og:description\"", "content")
                        .startsWith("A neural network experiment"),
                "a generic description when none was given");
        for (String path : new String[] {"/", "/embed/" + id, "/embed"}) {
            String page = get(app, path).body();
            assertFalse(page.contains("og:title") || page.contains("json+oembed"), path);
        }
    }
}
