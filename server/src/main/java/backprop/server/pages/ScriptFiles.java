package backprop.server.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files under folders of {@code /public} on the class path, wherever they sit: in the product
 * jar, in a dependency's jar or in a build's classes folder (the tests). Only what {@link Assets}
 * needs: one hash over them all.
 */
final class ScriptFiles {
    private ScriptFiles() {}

    /** Hex digits of SHA-256 over each file's name and contents, in name order; "" when none exist. */
    static String hash(List<String> folders, int chars) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String folder : folders) {
            files.putAll(read(folder));
        }
        if (files.isEmpty()) {
            return "";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.getValue());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, chars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Name (under {@code /public}) to contents, for every file below {@code folder} in every class path root. */
    private static Map<String, byte[]> read(String folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (URL url : Collections.list(ScriptFiles.class.getClassLoader().getResources("public/" + folder))) {
                URI uri = url.toURI();
                FileSystem opened = uri.getScheme().equals("jar") ? openJar(uri) : null;
                try {
                    collect(Path.of(uri), folder, files);
                } finally {
                    if (opened != null) {
                        opened.close();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** The jar's file system, opened here (the caller closes it), or null when it is open already (not ours to close). */
    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return null;
        }
    }

    private static void collect(Path root, String folder, Map<String, byte[]> files) throws IOException {
        List<Path> regular = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(regular::add);
        }
        for (Path file : regular) {
            String name = folder + root.relativize(file).toString().replace('\\', '/');
            files.put(name, Files.readAllBytes(file));
        }
    }
}
