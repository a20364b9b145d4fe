package io.jenkins.plugins.iacjobs.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The architecture of core, sandbox and CLI as rules that fail the build (docs/architecture.md draws it): no package
 * or class cycles, core free of Jenkins and of the CLI and sandbox, the sandbox free of core. The CLI's tests see all
 * three modules, so the rules live here; the plugin's are {@code PluginArchitectureTest}.
 */
@AnalyzeClasses(packages = {"io.jenkins.plugins.iacjobs.core", "io.jenkins.plugins.iacjobs.sandbox", "io.jenkins.plugins.iacjobs.cli"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.jenkins.plugins.iacjobs.";

    @ArchTest
    static final ArchRule CORE_PACKAGES_HAVE_NO_CYCLES = slices().matching(ROOT + "core.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule SANDBOX_PACKAGES_HAVE_NO_CYCLES = slices().matching(ROOT + "sandbox.(**)").should().beFreeOfCycles();

    /** Classes, not only packages: a nested class counts as part of its top-level class. */
    @ArchTest
    static final ArchRule NO_CLASS_CYCLES = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith(ROOT) ? SliceIdentifier.of(c.getName().replaceAll("\\$.*", "")) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "top-level classes";
        }
    }).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule CORE_IS_FREE_OF_JENKINS = noClasses().that().resideInAPackage(ROOT + "core..")
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..",
                    "com.cloudbees..");

    @ArchTest
    static final ArchRule CORE_KNOWS_NO_FRONT_END = noClasses().that().resideInAPackage(ROOT + "core..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "cli..", ROOT + "sandbox..", "picocli..");

    @ArchTest
    static final ArchRule SANDBOX_IS_INDEPENDENT_OF_CORE = noClasses().that().resideInAPackage(ROOT + "sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "core..", ROOT + "cli..");
}
