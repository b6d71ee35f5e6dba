package backprop.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep {@code ui} shareable: the browser client compiles it with TeaVM and the
 * server runs it on the JVM, so it may use neither side's APIs; its packages form no cycle.
 */
class UiRulesTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("backprop.ui");

    @Test
    void uiUsesNeitherTeaVmNorAwtNorTheClient() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.teavm..", "java.awt..", "javax.imageio..",
                        "backprop.client..", "backprop.server..")
                .because("ui runs in the browser through TeaVM and on the server's JVM alike")
                .check(UI);
    }

    @Test
    void uiPackagesFormNoCycle() {
        slices().matching("backprop.ui.(*)..").should().beFreeOfCycles().check(UI);
    }
}
