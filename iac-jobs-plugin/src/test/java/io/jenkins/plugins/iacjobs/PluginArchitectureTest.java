package io.jenkins.plugins.iacjobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import hudson.Extension;
import java.util.HashSet;
import java.util.Set;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.verb.POST;

/**
 * The plugin's architecture as rules that fail the build (docs/architecture.md draws it). They read the compiled
 * main classes of this module only: core's jar and the tests are left out.
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.iacjobs", importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class})
class PluginArchitectureTest {

    private static final String PLUGIN = "io.jenkins.plugins.iacjobs";

    /** By concern; an arrow only goes down. {@code credentials} and {@code remote} know nothing of Jenkins' model. */
    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("steps").definedBy(PLUGIN + ".steps..")
            .layer("run").definedBy(PLUGIN + ".run..")
            .layer("checks").definedBy(PLUGIN + ".checks..")
            .layer("actions").definedBy(PLUGIN + ".actions..")
            .layer("config").definedBy(PLUGIN + ".config..")
            .layer("forms").definedBy(PLUGIN + ".forms..")
            .layer("remote").definedBy(PLUGIN + ".remote..")
            .layer("credentials").definedBy(PLUGIN + ".credentials..")
            .whereLayer("steps").mayNotBeAccessedByAnyLayer()
            .whereLayer("run").mayOnlyBeAccessedByLayers("steps")
            .whereLayer("checks").mayOnlyBeAccessedByLayers("run")
            .whereLayer("actions").mayOnlyBeAccessedByLayers("steps", "run")
            .whereLayer("config").mayOnlyBeAccessedByLayers("steps", "run", "actions")
            .whereLayer("forms").mayOnlyBeAccessedByLayers("steps", "config")
            .whereLayer("remote").mayOnlyBeAccessedByLayers("steps", "run", "actions", "config", "forms")
            .whereLayer("credentials").mayOnlyBeAccessedByLayers("run", "actions", "config", "forms", "remote");

    /**
     * The Checks API plugin is an optional dependency: one class uses it, an {@code @Extension(optional = true)} that
     * Jenkins leaves out when that plugin is absent, so every other class loads without it.
     */
    @ArchTest
    static final ArchRule ONLY_THE_OPTIONAL_EXTENSION_USES_THE_CHECKS_API = noClasses()
            .that().doNotHaveFullyQualifiedName(PLUGIN + ".checks.ChecksApiPublisher")
            .should().dependOnClassesThat().resideInAPackage("io.jenkins.plugins.checks..");

    @ArchTest
    static final ArchRule THE_CHECKS_API_EXTENSION_IS_OPTIONAL = classes()
            .that().haveFullyQualifiedName(PLUGIN + ".checks.ChecksApiPublisher")
            .should(new ArchCondition<JavaClass>("be an @Extension(optional = true)") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    boolean optional = c.isAnnotatedWith(Extension.class) && c.getAnnotationOfType(Extension.class).optional();
                    events.add(new SimpleConditionEvent(c, optional, c.getName() + " is "
                            + (optional ? "" : "not ") + "@Extension(optional = true)"));
                }
            });

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(PLUGIN + ".(*)..").should().beFreeOfCycles();

    /** Classes, not only packages: a nested class counts as part of its top-level class. */
    @ArchTest
    static final ArchRule NO_CLASS_CYCLES = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return SliceIdentifier.of(c.getName().replaceAll("\\$.*", ""));
        }

        @Override
        public String getDescription() {
            return "top-level classes";
        }
    }).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule SUBPACKAGES_NEVER_IMPORT_THE_ROOT = noClasses().that().resideInAPackage(PLUGIN + ".*..")
            .should().dependOnClassesThat().resideInAPackage(PLUGIN);

    /** Jenkins instantiates them reflectively from forms, Pipeline and JCasC. */
    @ArchTest
    static final ArchRule DATA_BOUND_CLASSES_ARE_PUBLIC = constructors().that().areAnnotatedWith(DataBoundConstructor.class)
            .should().bePublic().andShould().beDeclaredInClassesThat().arePublic();

    /**
     * Every web method ({@code do*}, which Stapler serves on a URL) takes POST only and checks a permission, directly
     * or through the plugin's own helpers: found by reading the code, not by a list.
     */
    @ArchTest
    static final ArchRule WEB_METHODS_POST_AND_CHECK_A_PERMISSION = methods().that().arePublic().and().haveNameMatching("do[A-Z].*")
            .and().areDeclaredInClassesThat().resideInAPackage(PLUGIN + "..")
            .should().beAnnotatedWith(POST.class).orShould().beAnnotatedWith(RequirePOST.class)
            .andShould(checkAPermission());

    private static ArchCondition<JavaMethod> checkAPermission() {
        return new ArchCondition<>("check a permission") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (!reachesPermissionCheck(method, new HashSet<>())) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " checks no permission"));
                }
            }
        };
    }

    /** Whether {@code unit}, or a method of the plugin it calls, calls Jenkins' {@code checkPermission}/{@code hasPermission}. */
    private static boolean reachesPermissionCheck(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit) || seen.size() > 200) {
            return false;
        }
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
            String name = call.getName();
            if (name.equals("checkPermission") || name.equals("checkAnyPermission") || name.equals("hasPermission")) {
                return true;
            }
            if (call.getTargetOwner().getPackageName().startsWith(PLUGIN)) {
                if (call.getTarget().resolveMember().filter(target -> reachesPermissionCheck(target, seen)).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }
}
