package backprop.engine;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's packages form no cycle (its portability rules are {@link EngineRulesTest}'s). */
class EngineLayoutTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("backprop.engine");

    @Test
    void enginePackagesFormNoCycle() {
        slices().matching("backprop.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
    }
}
