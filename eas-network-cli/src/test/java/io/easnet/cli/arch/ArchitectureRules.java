package io.easnet.cli.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;

/**
 * The module arrows and package tiers of docs/design.md §2 as ArchUnit rules. Each takes the package root it guards, so
 * that {@code ArchitectureRulesTest} can prove every rule fails on a deliberately broken fixture.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** core is pure: no HTTP client, no resilience library, no test library, no cloud SDK. */
  static ArchRule coreStaysPure(String corePackage) {
    return noClasses().that().resideInAPackage(corePackage + "..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "okhttp3..", "okio..", "mockwebserver3..", "io.github.resilience4j..", "org.junit..",
            "org.assertj..", "com.aliyun..", "picocli..")
        .because("eas-network-core has no HTTP, no cloud SDK and no test libraries (docs/design.md §2)");
  }

  /** The testkit never reaches into the Aliyun adapter: the emulator is an independent implementation. */
  static ArchRule testkitNeverUsesAliyun(String testkitPackage, String aliyunPackage) {
    return noClasses().that().resideInAPackage(testkitPackage + "..")
        .should().dependOnClassesThat().resideInAPackage(aliyunPackage + "..")
        .because("testkit → core only, never → aliyun (docs/design.md §2)");
  }

  /** A module may only depend on the modules its arrows allow. */
  static ArchRule moduleArrows() {
    return noClasses().that().resideInAPackage("io.easnet.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.easnet.aliyun..", "io.easnet.testkit..", "io.easnet.cli..", "io.easnet.benchmarks..")
        .because("core is at the bottom of the module graph (docs/design.md §2)");
  }

  /** aliyun → core only. */
  static ArchRule aliyunArrows() {
    return noClasses().that().resideInAPackage("io.easnet.aliyun..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.easnet.testkit..", "io.easnet.cli..", "io.easnet.benchmarks..")
        .because("aliyun → core only (docs/design.md §2)");
  }

  /**
   * The emulator's protocol layer ({@code internal.wire}: signatures, routing, parsing, errors, paging) knows nothing
   * of the rest of the testkit: the fake cloud hands it its handlers ({@code FakeCloud.wireOperations()}), so the
   * fake and its wire face are one state, and the protocol layer never reaches that state itself.
   */
  static ArchRule testkitWireLayerStandsAlone(String testkitPackage) {
    String wire = testkitPackage + ".internal.wire..";
    return noClasses().that().resideInAPackage(wire)
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(testkitPackage + "..")
            .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(wire))))
        .because("the fake serves the wire through its handlers; the protocol layer depends on no other testkit"
            + " package (no static bridge to the fake's state)");
  }

  /** testkit → core only. */
  static ArchRule testkitArrows() {
    return noClasses().that().resideInAPackage("io.easnet.testkit..")
        .should().dependOnClassesThat().resideInAnyPackage("io.easnet.cli..", "io.easnet.benchmarks..")
        .because("testkit → core only (docs/design.md §2)");
  }

  /**
   * The package tiers of core (docs/design.md §3): model ← json, resolve ← analysis ← rules ← report ← check, with spi
   * beside model and load beside the rest (it fills the inventory through the port for a question about targets),
   * change between model/json/spi and analysis (one class per kind of change: the analysis emits them as remedies,
   * and they run through the port; docs/changes.md), and plan on top (it plans from the engine's remedies and applies
   * through the port; nothing below uses it). The analysis tier holds the one pipeline ({@code EstateAnalysis}) with
   * its inputs and the intents file, so it reads service files (json) but never the rules or the planner that consume
   * it; plan reads the analysis, never the rules or the facade.
   * The root package (the exceptions), {@code internal} and {@code internal.json} are shared helpers every tier may
   * use; {@code X.internal} belongs to tier X. {@code core} is the root package of core (a parameter, so that a
   * fixture can prove the rule).
   */
  static ArchRule coreTiers(String core) {
    return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
        .layer("Exceptions").definedBy(core)
        .layer("Internal").definedBy(core + ".internal")
        .layer("InternalJson").definedBy(core + ".internal.json..")
        .layer("Model").definedBy(core + ".model..")
        .layer("Json").definedBy(core + ".json..")
        .layer("Resolve").definedBy(core + ".resolve..")
        .layer("Change").definedBy(core + ".change..")
        .layer("Analysis").definedBy(core + ".analysis..")
        .layer("Rules").definedBy(core + ".rules..")
        .layer("Report").definedBy(core + ".report..")
        .layer("Check").definedBy(core + ".check..")
        .layer("Spi").definedBy(core + ".spi..")
        .layer("Load").definedBy(core + ".load..")
        .layer("Plan").definedBy(core + ".plan..")
        .whereLayer("Internal").mayNotAccessAnyLayer()
        .whereLayer("Exceptions").mayOnlyAccessLayers("Internal")
        .whereLayer("InternalJson").mayOnlyAccessLayers("Exceptions", "Internal", "Model")
        .whereLayer("Model").mayOnlyAccessLayers("Exceptions", "Internal")
        .whereLayer("Json").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model")
        .whereLayer("Resolve").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model")
        .whereLayer("Change").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model", "Json", "Spi")
        .whereLayer("Analysis").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model", "Json",
            "Resolve", "Change")
        .whereLayer("Rules").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model", "Json",
            "Resolve", "Change", "Analysis")
        .whereLayer("Report").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model", "Json",
            "Resolve", "Change", "Analysis", "Rules")
        .whereLayer("Check").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model", "Json",
            "Resolve", "Change", "Analysis", "Rules", "Report")
        .whereLayer("Spi").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model")
        .whereLayer("Load").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model", "Json", "Spi",
            "Resolve", "Change", "Analysis")
        .whereLayer("Plan").mayOnlyAccessLayers("Exceptions", "Internal", "InternalJson", "Model", "Json",
            "Resolve", "Change", "Analysis", "Spi")
        .because("each tier of core depends only on the tiers below it (docs/design.md §3)");
  }

  /**
   * A rule reads the run's analysis and never computes one: no class of {@code core.rules} (nor its internal package)
   * uses the path engine, the capacity engine or the resolver, so every path is analysed once per run, in
   * {@code EstateAnalysis}, and the catalogue, the planner and the facade see the same results. {@code core} is the
   * root package of core (a parameter, so that a fixture can prove the rule).
   */
  static ArchRule rulesReadTheAnalysis(String core) {
    return noClasses().that().resideInAPackage(core + ".rules..")
        .should().dependOnClassesThat().haveFullyQualifiedName(core + ".analysis.PathAnalyzer")
        .orShould().dependOnClassesThat().haveFullyQualifiedName(core + ".analysis.CapacityAnalyzer")
        .orShould().dependOnClassesThat().haveFullyQualifiedName(core + ".resolve.NetworkResolver")
        .because("the analysis runs once, in EstateAnalysis; a rule reads its results (docs/design.md §3)");
  }

  /**
   * No cycles between the packages of the module rooted at {@code root}: each package is a slice, except that
   * {@code X.internal…} belongs to X (a tier and its implementation may call each other), and the shared
   * {@code root.internal} belongs to the root package; so a shared helper that depends back on a tier that uses it
   * (model → internal → model) is a cycle.
   */
  static ArchRule noPackageCycles(String root) {
    return slices().assignedFrom(new SliceAssignment() {
          @Override
          public SliceIdentifier getIdentifierOf(JavaClass c) {
            String pkg = c.getPackageName();
            if (!(pkg.equals(root) || pkg.startsWith(root + "."))) {
              return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(sliceOf(pkg, root));
          }

          @Override
          public String getDescription() {
            return "packages of " + root + " (X.internal folded into X)";
          }
        })
        .should().beFreeOfCycles()
        .because("a cycle between packages makes the tiers meaningless (docs/design.md §3)");
  }

  /**
   * The slice of {@code pkg} in the module rooted at {@code root}: {@code X.internal…} is folded into X (the root
   * package's {@code internal} into the root), except that a package under {@code root.internal} (such as
   * {@code internal.json}, the shared JSON helpers that know the model) is a slice of its own.
   */
  static String sliceOf(String pkg, String root) {
    if (pkg.startsWith(root + ".internal.")) {
      return pkg;
    }
    int from = root.length();
    while (true) {
      int internal = pkg.indexOf(".internal", from);
      if (internal < 0) {
        return pkg;
      }
      int end = internal + ".internal".length();
      if (pkg.length() == end || pkg.charAt(end) == '.') {
        return pkg.substring(0, internal);
      }
      from = end;
    }
  }

  /**
   * The public surface of a module stays small: at most {@code max} public top-level types outside {@code internal}
   * packages (nested types, such as the ids nested in {@code ResourceId}, do not count; docs/design.md §2).
   */
  static ArchRule atMostPublicTopLevelTypes(String rootPackage, int max) {
    return classes().that().resideInAPackage(rootPackage + "..")
        .and().resideOutsideOfPackage("..internal..")
        .and().arePublic()
        .and().areTopLevelClasses()
        .should(new ArchCondition<JavaClass>("be at most " + max + " public top-level types") {
          private final java.util.List<String> names = new java.util.ArrayList<>();

          @Override
          public void init(java.util.Collection<JavaClass> all) {
            names.clear();
          }

          @Override
          public void check(JavaClass c, ConditionEvents events) {
            names.add(c.getName());
          }

          @Override
          public void finish(ConditionEvents events) {
            if (names.size() > max) {
              java.util.Collections.sort(names);
              events.add(SimpleConditionEvent.violated(names, rootPackage + " has " + names.size()
                  + " public top-level types outside internal packages, more than " + max
                  + ": nest a type in its owner or move it to an internal package (" + String.join(", ", names)
                  + ")"));
            }
          }
        })
        .allowEmptyShould(true)
        .because("a small public API is one a user can learn and we can keep compatible (docs/design.md §2)");
  }

  /** A public signature (method, constructor, field, supertype) of a public API type never names an internal type. */
  static ArchRule internalTypesStayInternal(String rootPackage) {
    return classes().that().resideInAPackage(rootPackage + "..")
        .and().resideOutsideOfPackage("..internal..")
        .and().arePublic()
        .should(new ArchCondition<JavaClass>("not expose types from internal packages in public signatures") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            for (JavaMethod m : c.getMethods()) {
              if (visible(m.getModifiers())) {
                checkType(c, m.getFullName() + " returns", m.getRawReturnType(), events);
                m.getRawParameterTypes().forEach(p -> checkType(c, m.getFullName() + " takes", p, events));
              }
            }
            for (JavaConstructor k : c.getConstructors()) {
              if (visible(k.getModifiers())) {
                k.getRawParameterTypes().forEach(p -> checkType(c, k.getFullName() + " takes", p, events));
              }
            }
            for (JavaField f : c.getFields()) {
              if (visible(f.getModifiers())) {
                checkType(c, f.getFullName() + " has type", f.getRawType(), events);
              }
            }
            c.getRawSuperclass().ifPresent(s -> checkType(c, c.getName() + " extends", s, events));
            c.getRawInterfaces().forEach(i -> checkType(c, c.getName() + " implements", i, events));
          }
        })
        .because("types in internal packages carry no compatibility promise (docs/design.md §2)");
  }

  /**
   * Public API classes are closed: a concrete public class is {@code final}, and a public abstract class (an
   * Immutables value type) has no public or protected constructor, so nobody outside its package can extend it. The
   * classes named in {@code openClasses} are the deliberate exceptions (the root exception, which other modules
   * extend, and the conformance suite, which implementations extend).
   */
  static ArchRule publicClassesAreClosed(String rootPackage, String... openClasses) {
    Set<String> open = Set.of(openClasses);
    return classes().that().resideInAPackage(rootPackage + "..")
        .and().resideOutsideOfPackage("..internal..")
        .and().arePublic()
        .and().areNotInterfaces()
        .and().areNotEnums()
        .and().areNotRecords()
        .and().areNotAnnotations()
        .should(new ArchCondition<JavaClass>("be final, or abstract without a public or protected constructor") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            if (open.contains(c.getName()) || c.getModifiers().contains(JavaModifier.FINAL) || !reachable(c)) {
              return;
            }
            if (!c.getModifiers().contains(JavaModifier.ABSTRACT)) {
              events.add(SimpleConditionEvent.violated(c, c.getName() + " is public, concrete and not final"));
              return;
            }
            for (JavaConstructor k : c.getConstructors()) {
              if (visible(k.getModifiers())) {
                events.add(SimpleConditionEvent.violated(c, c.getName() + " is abstract with a visible constructor "
                    + k.getFullName()));
              }
            }
          }
        })
        .because("the public API is small and deliberate: final classes, package-private by default");
  }

  /** False for a nested class of a non-public class (such as Immutables' builders): not part of the API. */
  private static boolean reachable(JavaClass c) {
    for (JavaClass e = c.getEnclosingClass().orElse(null); e != null; e = e.getEnclosingClass().orElse(null)) {
      if (!e.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void checkType(JavaClass owner, String what, JavaType type, ConditionEvents events) {
    JavaClass raw = type.toErasure();
    while (raw.isArray()) {
      raw = raw.getComponentType();
    }
    String pkg = raw.getPackageName();
    if (pkg.contains(".internal") && (pkg.endsWith(".internal") || pkg.contains(".internal."))) {
      events.add(SimpleConditionEvent.violated(owner, what + " internal type " + raw.getName()));
    }
  }
}
