package org.tsak;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package layers of docs/ARCHITECTURE.md, checked on the compiled main classes: each
 * package uses only the layers below it, no two packages depend on each other, only the model,
 * training, distillation, evaluation and export packages use DJL, and the deployed runtime needs
 * no DJL.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // not ImportOption.DoNotIncludeTests: it expects target/test-classes, and -Dtsak.build.dir moves it
        ImportOption mainOnly = location -> !location.contains("/test-classes/");
        main = new ClassFileImporter().withImportOption(mainOnly).importPackages("org.tsak");
    }

    /** Lowest first: a layer may use only the ones listed in its {@code mayOnlyAccessLayers}. */
    @Test
    void packagesFormLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy("org.tsak.config..")
                .layer("io").definedBy("org.tsak.io..")
                .layer("data").definedBy("org.tsak.data..")
                .layer("model").definedBy("org.tsak.model..")
                .layer("distill").definedBy("org.tsak.distill..")
                .layer("eval").definedBy("org.tsak.eval..")
                .layer("baseline").definedBy("org.tsak.baseline..")
                .layer("train").definedBy("org.tsak.train..")
                .layer("report").definedBy("org.tsak.report..")
                .layer("deploy").definedBy("org.tsak.deploy..")
                .layer("export").definedBy("org.tsak.export..")
                .layer("spark").definedBy("org.tsak.spark..")
                .layer("cli").definedBy("org.tsak.cli..")
                .whereLayer("config").mayOnlyAccessLayers("config")
                .whereLayer("io").mayOnlyAccessLayers("io")
                .whereLayer("data").mayOnlyAccessLayers("data", "config", "io")
                .whereLayer("model").mayOnlyAccessLayers("model", "data", "config", "io")
                .whereLayer("distill").mayOnlyAccessLayers("distill", "model", "data", "config", "io")
                .whereLayer("eval").mayOnlyAccessLayers("eval", "distill", "model", "data", "config", "io")
                .whereLayer("baseline").mayOnlyAccessLayers("baseline", "distill", "model", "data", "config", "io")
                .whereLayer("train").mayOnlyAccessLayers("train", "eval", "baseline", "distill", "model", "data",
                        "config", "io")
                .whereLayer("report").mayOnlyAccessLayers("report", "eval", "data", "config", "io")
                .whereLayer("deploy").mayOnlyAccessLayers("deploy", "eval", "model", "data", "config", "io")
                .whereLayer("export").mayOnlyAccessLayers("export", "deploy", "train", "eval", "model", "data",
                        "config", "io")
                .whereLayer("spark").mayOnlyAccessLayers("spark", "train", "config", "io")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.tsak.(*)..").should().beFreeOfCycles().check(main);
    }

    /**
     * DJL stays inside the packages that build, train, distil, measure and export the networks:
     * {@code model} (the blocks), {@code train} (the stages), {@code distill} (the losses are DJL
     * {@code Loss}es), {@code eval} ({@code LatencyMeter} times DJL inference) and {@code export}
     * (reads the trained DJL student to build the DJL-free artifact). Everything else (config,
     * data, baselines, reports, the deployed runtime, the command line) works on plain Java
     * values, so a DJL upgrade or another engine touches only these five.
     */
    @Test
    void onlyModelTrainDistillEvalExportUseDjl() {
        noClasses().that().resideOutsideOfPackages("org.tsak.model..", "org.tsak.train..", "org.tsak.distill..",
                "org.tsak.eval..", "org.tsak.export..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..").check(main);
    }

    /**
     * Apache Spark is a provided dependency, absent from the plain jar's runtime: only the Spark
     * executor's package may touch it (and the command line reaches it through
     * {@code SparkEngine}, which checks that Spark is there first).
     */
    @Test
    void onlySparkPackageUsesSpark() {
        noClasses().that().resideOutsideOfPackages("org.tsak.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.spark..").check(main);
    }

    /** The part that runs on edge devices: the artifact, its runtime, its writers and the live stream. */
    @Test
    void deployedRuntimeNeedsNoDjl() {
        noClasses().that().resideInAPackage("org.tsak.deploy..").should().dependOnClassesThat()
                .resideInAPackage("ai.djl..").check(main);
    }
}
