package backprop.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's layout as rules: it shares code with the browser only through {@code ui} (the
 * client's compiled assets are resources, never classes), its packages form no cycle, and the
 * lower layers know nothing of HTTP or the command line.
 */
class ServerRulesTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("backprop.server");

    @Test
    void serverNeverImportsTheBrowserClient() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("backprop.client..", "org.teavm..")
                .because("shared code lives in ui; the client travels in the jar as compiled assets only")
                .check(SERVER);
    }

    @Test
    void serverPackagesFormNoCycle() {
        slices().matching("backprop.server.(**)").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void storageExperimentsAndPreviewsKnowNothingOfHttpOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("backprop.server.store..", "backprop.server.experiments..",
                        "backprop.server.preview..", "backprop.server.problems..", "backprop.server.pages..")
                .should().dependOnClassesThat().resideInAnyPackage("backprop.server.http..", "backprop.server.cli..",
                        "io.javalin..")
                .check(SERVER);
    }
}
