package backprop.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The browser shells: no cycles between pages, and only {@code ui} and the engine below them. */
class ClientRulesTest {
    private static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("backprop.client");

    @Test
    void clientPackagesFormNoCycle() {
        slices().matching("backprop.client.(**)").should().beFreeOfCycles().check(CLIENT);
    }

    @Test
    void clientNeverReachesIntoTheServer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("backprop.server..").check(CLIENT);
    }
}
