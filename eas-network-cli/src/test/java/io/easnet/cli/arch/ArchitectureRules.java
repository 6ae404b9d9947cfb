package io.easnet.cli.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
import java.util.Set;

/**
 * The module arrows and package tiers of DESIGN.md §2 as ArchUnit rules. Each takes the package root it guards, so
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
        .because("eas-network-core has no HTTP, no cloud SDK and no test libraries (DESIGN.md §2)");
  }

  /** The testkit never reaches into the Aliyun adapter: the emulator is an independent implementation. */
  static ArchRule testkitNeverUsesAliyun(String testkitPackage, String aliyunPackage) {
    return noClasses().that().resideInAPackage(testkitPackage + "..")
        .should().dependOnClassesThat().resideInAPackage(aliyunPackage + "..")
        .because("testkit → core only, never → aliyun (DESIGN.md §2)");
  }

  /** A module may only depend on the modules its arrows allow. */
  static ArchRule moduleArrows() {
    return noClasses().that().resideInAPackage("io.easnet.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.easnet.aliyun..", "io.easnet.testkit..", "io.easnet.cli..", "io.easnet.benchmarks..")
        .because("core is at the bottom of the module graph (DESIGN.md §2)");
  }

  /** aliyun → core only. */
  static ArchRule aliyunArrows() {
    return noClasses().that().resideInAPackage("io.easnet.aliyun..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.easnet.testkit..", "io.easnet.cli..", "io.easnet.benchmarks..")
        .because("aliyun → core only (DESIGN.md §2)");
  }

  /** testkit → core only. */
  static ArchRule testkitArrows() {
    return noClasses().that().resideInAPackage("io.easnet.testkit..")
        .should().dependOnClassesThat().resideInAnyPackage("io.easnet.cli..", "io.easnet.benchmarks..")
        .because("testkit → core only (DESIGN.md §2)");
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
        .because("types in internal packages carry no compatibility promise (DESIGN.md §2)");
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
