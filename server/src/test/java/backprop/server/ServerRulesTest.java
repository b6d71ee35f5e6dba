package backprop.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layout as rules: it shares code with the browser only through {@code ui} (the
 * client's compiled assets are resources, never classes), its packages form no cycle, and the
 * lower layers know nothing of HTTP or the command line.
 */
@AnalyzeClasses(packages = "backprop.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerRulesTest {
    @ArchTest
    static final ArchRule SERVER_NEVER_IMPORTS_THE_BROWSER_CLIENT = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("backprop.client..", "org.teavm..")
            .because("shared code lives in ui; the client travels in the jar as compiled assets only");

    @ArchTest
    static final ArchRule SERVER_PACKAGES_FORM_NO_CYCLE =
            slices().matching("backprop.server.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule LOWER_LAYERS_KNOW_NOTHING_OF_HTTP_OR_THE_COMMAND_LINE = noClasses()
            .that()
            .resideInAnyPackage(
                    "backprop.server.store..",
                    "backprop.server.experiments..",
                    "backprop.server.challenges..",
                    "backprop.server.preview..",
                    "backprop.server.problems..",
                    "backprop.server.pages..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("backprop.server.http..", "backprop.server.cli..", "io.javalin..");
}
