package lab.heartbeat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * Layer rules checked on every build, so that the network and detection code stays usable
 * headless (CLI, tests, CI) and the UI can be replaced without touching the lab.
 */
@AnalyzeClasses(packages = "lab.heartbeat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    void onlyTheUiUsesJavaFx(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("lab.heartbeat.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("everything below the UI must run without a display")
                .check(classes);
    }

    @ArchTest
    void layersOnlyLookDown(JavaClasses classes) {
        // Optional layers: packages not written yet must not fail the build.
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("protocol").definedBy("lab.heartbeat.protocol..")
                .layer("detect").definedBy("lab.heartbeat.detect..")
                .layer("transport").definedBy("lab.heartbeat.transport..")
                .layer("fault").definedBy("lab.heartbeat.fault..")
                .layer("telemetry").definedBy("lab.heartbeat.telemetry..")
                .layer("lab").definedBy("lab.heartbeat.lab..")
                .layer("control").definedBy("lab.heartbeat.control..")
                .layer("cli").definedBy("lab.heartbeat.cli..")
                .layer("ui").definedBy("lab.heartbeat.ui..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("ui")
                .whereLayer("control").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("lab").mayOnlyBeAccessedByLayers("control", "cli", "ui")
                .whereLayer("telemetry").mayOnlyBeAccessedByLayers("lab", "control", "cli", "ui")
                .whereLayer("fault").mayOnlyBeAccessedByLayers("telemetry", "lab", "control", "cli", "ui")
                .whereLayer("transport").mayOnlyBeAccessedByLayers("fault", "telemetry", "lab", "control", "cli", "ui")
                .whereLayer("detect").mayOnlyBeAccessedByLayers("transport", "fault", "telemetry", "lab", "control", "cli",
                        "ui")
                .check(classes);
    }

    @ArchTest
    void viewModelsKnowNoNode(JavaClasses classes) {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("DashboardModel")
                .or().haveSimpleName("ScenarioModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("a view model is tested without a scene graph; the views bind to it")
                .check(classes);
    }

    @ArchTest
    void uiFeaturePackagesHaveNoCycles(JavaClasses classes) {
        slices().matching("lab.heartbeat.ui.(*)..").should().beFreeOfCycles()
                .because("each feature stands on the lab gateway and the common parts, not on another that needs it back")
                .check(classes);
    }

    @ArchTest
    void uiFeaturePackagesDoNotKnowTheDashboard(JavaClasses classes) {
        noClasses().that().resideInAPackage("lab.heartbeat.ui.*..")
                .should().dependOnClassesThat().resideInAPackage("lab.heartbeat.ui")
                .because("the dashboard puts the features together; each view gets its own view model")
                .check(classes);
    }
}
