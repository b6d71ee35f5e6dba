package backprop.engine;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine's packages form no cycle (its portability rules are {@link EngineRulesTest}'s). */
@AnalyzeClasses(packages = "backprop.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineLayoutTest {
    @ArchTest
    static final ArchRule ENGINE_PACKAGES_FORM_NO_CYCLE =
            slices().matching("backprop.engine.(*)..").should().beFreeOfCycles();
}
