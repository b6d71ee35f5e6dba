package backprop.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The browser shells: no cycles between pages, and nothing of the server. */
@AnalyzeClasses(packages = "backprop.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientRulesTest {
    @ArchTest
    static final ArchRule CLIENT_PACKAGES_FORM_NO_CYCLE =
            slices().matching("backprop.client.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule CLIENT_NEVER_REACHES_INTO_THE_SERVER =
            noClasses().should().dependOnClassesThat().resideInAPackage("backprop.server..");
}
