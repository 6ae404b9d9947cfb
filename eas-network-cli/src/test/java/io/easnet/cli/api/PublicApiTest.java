package io.easnet.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed API files ({@code <module>/api/<module>.api}) match the compiled public API, so that every change to
 * it shows in review. After a deliberate change, rewrite them with {@code -Dapi.update=true} (see {@link #UPDATE}).
 */
class PublicApiTest {
  static final String UPDATE = "./mvnw -B -o -pl eas-network-cli -am verify -Dtest=PublicApiTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "eas-network-core, io.easnet.core",
      "eas-network-aliyun, io.easnet.aliyun",
      "eas-network-testkit, io.easnet.testkit"})
  void theCommittedApiFileMatchesTheCompiledClasses(String module, String root) throws IOException {
    Path file = projectRoot().resolve(module).resolve("api").resolve(module + ".api");
    String actual = ApiListing.of(ApiListing.productionClasses(root));
    assertThat(actual).as("the listing of %s", root).contains("public ");
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    compare(module, file, actual);
  }

  /**
   * No public signature names an internal type, even as a type argument, except the one crossing from the fake to
   * its emulator: {@code FakeCloud.wireOperations()}, the fake's wire handlers, which the emulator's protocol layer
   * ({@code testkit.internal.wire}) dispatches to without reaching the fake's state itself.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "eas-network-core, io.easnet.core",
      "eas-network-aliyun, io.easnet.aliyun",
      "eas-network-testkit, io.easnet.testkit"})
  void noPublicSignatureNamesAnInternalTypeButTheFakesWireFace(String module, String root) {
    List<String> internal = ApiListing.of(ApiListing.productionClasses(root)).lines()
        .filter(line -> line.contains(".internal.")).toList();
    assertThat(internal).as("public signatures of %s naming an internal type", module).isSubsetOf(
        "  public java.util.Map<java.lang.String, io.easnet.testkit.internal.wire.Operation> wireOperations()");
  }

  /** Fails, saying how to regenerate, unless {@code file} holds exactly {@code actual}. */
  static void compare(String module, Path file, String actual) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("The API file of " + module + " is missing: " + file + ".\nCreate it with:\n  "
          + UPDATE + "\n");
    }
    String committed = Files.readString(file, StandardCharsets.UTF_8);
    if (!committed.equals(actual)) {
      throw new AssertionError("The public API of " + module + " differs from " + file + ".\n"
          + difference(committed, actual)
          + "If the change is deliberate, rewrite the file and review its diff:\n  " + UPDATE + "\n");
    }
  }

  @Test
  void aChangedApiFailsNamingTheLinesAndHowToRegenerate(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.api");
    Files.writeString(file, "public final class a.B {\n  public void gone()\n}\n");
    String actual = "public final class a.B {\n  public void added(int)\n}\n";
    assertThatThrownBy(() -> compare("m", file, actual))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("The public API of m differs from " + file)
        .hasMessageContaining("  - " + "  public void gone()")
        .hasMessageContaining("  + " + "  public void added(int)")
        .hasMessageContaining("-Dapi.update=true");
    assertThatThrownBy(() -> compare("m", dir.resolve("missing.api"), actual))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("The API file of m is missing")
        .hasMessageContaining("-Dapi.update=true");
    Files.writeString(file, actual);
    compare("m", file, actual);
  }

  @Test
  void theListingLeavesOutGeneratedImmutablesInternalPackagesAndSyntheticMembers() {
    String core = ApiListing.of(ApiListing.productionClasses("io.easnet.core"));
    assertThat(core)
        .contains("public abstract class io.easnet.core.model.Vpc {")
        .contains("public static final class io.easnet.core.model.Vpc$Builder")
        .doesNotContain("Immutable")
        .doesNotContain(".internal.")
        .doesNotContain("lambda$")
        .doesNotContain("access$");
  }

  @Test
  void theListingIsDeterministic() {
    assertThat(ApiListing.of(ApiListing.productionClasses("io.easnet.core")))
        .isEqualTo(ApiListing.of(reversed(ApiListing.productionClasses("io.easnet.core"))));
  }

  @Test
  void theListingOfAFixtureShowsWhatUsersCanCallAndNothingElse() {
    String listing = ApiListing.of(ApiListing.allClasses("io.easnet.cli.api.fixture"));
    assertThat(listing).isEqualTo("""
        public abstract class io.easnet.cli.api.fixture.Shape implements java.lang.Cloneable {
          public static final int SIDES
          protected abstract java.util.List<java.lang.String> names()
          public final <T extends java.lang.Comparable<T>> T max(T, T)
          public static io.easnet.cli.api.fixture.Shape$Builder builder()
          public void run() throws java.io.IOException
        }

        public static final class io.easnet.cli.api.fixture.Shape$Builder {
          public io.easnet.cli.api.fixture.Shape$Builder name(java.lang.String)
          public io.easnet.cli.api.fixture.Shape$Builder names(java.lang.String...)
        }

        public sealed interface io.easnet.cli.api.fixture.Side permits io.easnet.cli.api.fixture.Side$Straight {
          public abstract int length()
        }

        public record io.easnet.cli.api.fixture.Side$Straight implements io.easnet.cli.api.fixture.Side, \
        java.lang.Comparable<io.easnet.cli.api.fixture.Side$Straight> {
          public Straight(int)
          public final boolean equals(java.lang.Object)
          public final int hashCode()
          public final java.lang.String toString()
          public int compareTo(io.easnet.cli.api.fixture.Side$Straight)
          public int length()
        }
        """);
  }

  private static List<Class<?>> reversed(List<Class<?>> classes) {
    List<Class<?>> out = new ArrayList<>(classes);
    java.util.Collections.reverse(out);
    return out;
  }

  /** The lines only in the committed file and the lines only in the compiled API, at most 40 of each. */
  static String difference(String committed, String actual) {
    Set<String> before = new LinkedHashSet<>(committed.lines().toList());
    Set<String> after = new LinkedHashSet<>(actual.lines().toList());
    StringBuilder out = new StringBuilder();
    before.stream().filter(l -> !after.contains(l)).limit(40).forEach(l -> out.append("  - ").append(l).append('\n'));
    after.stream().filter(l -> !before.contains(l)).limit(40).forEach(l -> out.append("  + ").append(l).append('\n'));
    return out.length() == 0 ? "(the same lines in another order)\n" : out.toString();
  }

  private static Path projectRoot() {
    Path root = Path.of(System.getProperty("api.root", "..")).toAbsolutePath().normalize();
    assertThat(root.resolve("eas-network-core")).as("the project root (run from eas-network-cli)").isDirectory();
    return root;
  }
}
