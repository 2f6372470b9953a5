package chatqa.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/architecture in README "Where things are": the pipeline's layers
 * point one way, only the job and the warehouse touch Spark, and the domain logic (rules,
 * scoring, enrichment, the records) can be tested without Spark or the reports.
 */
@AnalyzeClasses(packages = "chatqa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule ONLY_JOB_AND_WAREHOUSE_TOUCH_SPARK = noClasses()
            .that().resideOutsideOfPackages("chatqa.job..", "chatqa.warehouse..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "org.apache.parquet..", "scala..")
            .because("Spark stays in the job's wiring and the warehouse's tables; everything else is tested without it");

    @ArchTest
    static final ArchRule DOMAIN_LOGIC_NEEDS_NO_REPORTS = noClasses()
            .that().resideInAnyPackage("chatqa.score..", "chatqa.rules..", "chatqa.enrich..", "chatqa.model..", "chatqa.config..",
                    "chatqa.privacy..")
            .should().dependOnClassesThat().resideInAnyPackage("chatqa.publish..", "chatqa.job..", "chatqa.warehouse..", "chatqa.cli..");

    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("chatqa..")
            .layer("cli").definedBy("chatqa.cli..")
            .layer("job").definedBy("chatqa.job..")
            .layer("publish").definedBy("chatqa.publish..")
            .layer("warehouse").definedBy("chatqa.warehouse..")
            .layer("sample").definedBy("chatqa.sample..")
            .layer("ingest").definedBy("chatqa.ingest..")
            .layer("score").definedBy("chatqa.score..")
            .layer("enrich").definedBy("chatqa.enrich..")
            .layer("rules").definedBy("chatqa.rules..")
            .layer("privacy").definedBy("chatqa.privacy..")
            .layer("model").definedBy("chatqa.model..")
            .layer("config").definedBy("chatqa.config..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("job").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("publish").mayOnlyBeAccessedByLayers("cli", "job")
            .whereLayer("warehouse").mayOnlyBeAccessedByLayers("cli", "job")
            .whereLayer("sample").mayOnlyBeAccessedByLayers("cli", "job")
            .whereLayer("ingest").mayOnlyBeAccessedByLayers("cli", "job", "warehouse", "sample")
            .whereLayer("score").mayOnlyBeAccessedByLayers("cli", "job", "warehouse", "publish")
            .whereLayer("enrich").mayOnlyBeAccessedByLayers("cli", "job", "warehouse", "publish", "score")
            .whereLayer("rules").mayOnlyBeAccessedByLayers("cli", "job", "warehouse", "publish", "score", "enrich", "ingest", "sample")
            .whereLayer("privacy").mayOnlyBeAccessedByLayers("cli", "job", "warehouse", "publish")
            .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "job", "warehouse", "publish", "score", "enrich", "rules", "ingest", "sample")
            .whereLayer("config").mayOnlyBeAccessedByLayers("cli", "job", "warehouse", "publish", "score", "enrich", "rules", "ingest", "sample",
                    "privacy");
}
