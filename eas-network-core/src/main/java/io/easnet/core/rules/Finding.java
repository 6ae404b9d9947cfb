package io.easnet.core.rules;

import io.easnet.core.internal.Printable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One problem found by a {@link Rule}: id, severity, message, where it is (a source file and an RFC 6901 JSON pointer
 * into it), the resources involved, how to fix it, the documentation link and a {@link #fingerprint()} that stays the
 * same when the input is reordered.
 *
 * <p>{@link #render()} gives the Error Prone style text:
 *
 * <pre>
 * [EASNET-008] vSwitch not in the configured VPC
 *   service svc-a: vSwitch vsw-b is in VPC vpc-b, not in vpc-a
 *   at service.json:/cloud/networking/vswitch_id
 *   Did you mean vsw-a?
 *   Fix: pick a vSwitch of vpc-a
 *   See https://github.com/easnet/eas-network/blob/main/docs/rules/EASNET-008.md
 * </pre>
 */
@Value.Immutable
public abstract class Finding {
  /** Number of hex characters of {@link #fingerprint()}. */
  public static final int FINGERPRINT_LENGTH = 32;

  /**
   * Severity first (errors first), then rule id, service, source, resources, {@link #identity()}, pointer,
   * fingerprint and message. Pointers into the snapshot hold list positions, so they come after everything that
   * identifies a finding: reordering the input never reorders the findings.
   */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.serviceName().orElse(""))
          .thenComparing(f -> f.source().orElse(""))
          .thenComparing(f -> String.join(",", f.resourceIds()))
          .thenComparing(Finding::identity)
          .thenComparing(Finding::pointer)
          .thenComparing(Finding::fingerprint)
          .thenComparing(Finding::message);

  Finding() {}

  /** The rule id, {@code EASNET-NNN}. */
  public abstract String ruleId();

  /** The severity. */
  public abstract Severity severity();

  /** The rule's one-line summary. */
  public abstract String summary();

  /** What is wrong here, naming the service and resources. */
  public abstract String message();

  /** The file or source the pointer points into ({@code service.json}, {@code snapshot.json}). */
  public abstract Optional<String> source();

  /**
   * An RFC 6901 JSON pointer into {@link #source()}: {@code /cloud/networking/vswitch_id} in a service file,
   * {@code /securityGroups/2/rules/0} in a snapshot (by position, as any JSON pointer library resolves it);
   * {@code ""} for the whole document.
   */
  @Value.Default
  public String pointer() {
    return "";
  }

  /** The service the finding is about, when it is about one. */
  public abstract Optional<String> serviceName();

  /** The resources involved, the main one first. */
  public abstract List<String> resourceIds();

  /** How to fix it. */
  public abstract String remediation();

  /** The documentation page of the rule. */
  public abstract String docUrl();

  /** A near miss, e.g. an inventory id one character away from the one written. */
  public abstract Optional<String> didYouMean();

  /**
   * The semantic content that identifies this finding across runs besides the rule, service and resources (e.g. the
   * port that is open); never list indexes. Part of the fingerprint.
   */
  @Value.Default
  public String identity() {
    return "";
  }

  /**
   * The intents of the service this finding blocks ({@code Intent.describe()}, e.g. {@code reach RDS rm-1:3306}),
   * for findings derived from path results; empty for findings about configuration, exposure or cost.
   */
  public abstract List<String> intents();

  /** The main resource, when any. */
  public final Optional<String> resourceId() {
    return resourceIds().isEmpty() ? Optional.empty() : Optional.of(resourceIds().get(0));
  }

  /** {@code source:pointer}, or the part of it that is known. */
  public final String location() {
    String p = pointer().isEmpty() ? "/" : pointer();
    return source().map(s -> s + ":" + p).orElse(p);
  }

  /**
   * A stable hash: the first {@value #FINGERPRINT_LENGTH} hex characters of the SHA-256 of the rule id, the service,
   * the source file, the resource ids and {@link #identity()}. Messages, pointers and list positions are not part of
   * it. The source is: two files that define a service of one name are two services, and each keeps its findings.
   */
  @Value.Lazy
  public String fingerprint() {
    String text = ruleId() + "\n" + serviceName().orElse("") + "\n" + source().orElse("") + "\n"
        + String.join("\n", resourceIds()) + "\n" + identity();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The first line: {@code [EASNET-NNN] summary}. */
  public final String headline() {
    return "[" + ruleId() + "] " + summary();
  }

  /** The multi-line diagnostic: headline, message, location, near miss, fix and link. */
  public final String render() {
    StringBuilder sb = new StringBuilder(Printable.escape(headline())).append('\n');
    sb.append("  ").append(Printable.escape(message())).append('\n');
    sb.append("  at ").append(Printable.escape(location())).append('\n');
    didYouMean().ifPresent(d -> sb.append("  Did you mean ").append(Printable.escape(d)).append("?\n"));
    sb.append("  Fix: ").append(Printable.escape(remediation())).append('\n');
    sb.append("  See ").append(Printable.escape(docUrl()));
    return sb.toString();
  }

  /** One line; control characters of user input are escaped as in {@link #render()}. */
  @Override
  public String toString() {
    return Printable.escape(headline() + ": " + message() + " (" + location() + ")");
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a builder with the rule's id, severity, summary and documentation link set. */
  public static Builder of(Rule rule) {
    return builder().ruleId(rule.id()).severity(rule.severity()).summary(rule.summary()).docUrl(rule.docUrl());
  }

  /** Builds a {@link Finding}. */
  public static final class Builder extends ImmutableFinding.Builder {
    Builder() {}
  }

  /** How bad a finding is. Declared from the most to the least severe. */
  public enum Severity {
    /** The service will not work as configured (or is dangerously exposed): blocks a deployment. */
    ERROR,
    /** Works today, but is risky, costly or close to a limit. */
    WARNING,
    /** Worth knowing; nothing to fix necessarily. */
    INFO;

    /** The lower-case name, e.g. {@code error}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
