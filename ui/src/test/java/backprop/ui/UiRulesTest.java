package backprop.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that keep {@code ui} shareable: the browser client compiles it with TeaVM and the
 * server runs it on the JVM, so it may use neither side's APIs; its packages form no cycle.
 */
@AnalyzeClasses(packages = "backprop.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiRulesTest {
    @ArchTest
    static final ArchRule UI_USES_NEITHER_TEAVM_NOR_AWT_NOR_EITHER_SIDE = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.teavm..", "java.awt..", "javax.imageio..", "backprop.client..", "backprop.server..")
            .because("ui runs in the browser through TeaVM and on the server's JVM alike");

    @ArchTest
    static final ArchRule UI_PACKAGES_FORM_NO_CYCLE =
            slices().matching("backprop.ui.(*)..").should().beFreeOfCycles();
}
