package io.easnet.core.analysis;

import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.SourceNames;
import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ServiceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One service to check: its spec, the file it came from (for locations) and what it is meant to do (its
 * {@link #intents()}: private targets it must reach, internet egress, ECS clients that connect to it directly).
 *
 * <pre>{@code
 * ServiceInput.builder().spec(spec).sourceName("service.json").wantsInternetEgress(true)
 *     .addPrivateTarget("rm-bp1abc").addClient(EcsInstanceId.of("i-web")).build();
 * }</pre>
 */
@Value.Immutable
public abstract class ServiceInput {
  /** The port internet egress is checked on: HTTPS, what downloads and APIs use. */
  public static final int INTERNET_PORT = 443;

  /** The internet-egress intent {@link #wantsInternetEgress()} stands for: TCP {@value #INTERNET_PORT} to any address. */
  public static final Intent INTERNET_EGRESS = Intent.internet(InternetTarget.any(INTERNET_PORT));

  ServiceInput() {}

  /** The service. */
  public abstract ServiceSpec spec();

  /** The file (or other source) the service JSON came from, e.g. {@code service.json}. */
  public abstract Optional<String> sourceName();

  /**
   * The document the service was read from, when it was read from a file: its near-miss keys and where each
   * pointer sits. Not part of equality.
   */
  @Value.Auxiliary
  public abstract Optional<ServiceDocument> document();

  /** True when the service must reach the internet (downloads, external APIs). */
  @Value.Default
  public boolean wantsInternetEgress() {
    return false;
  }

  /** The private targets the service must reach: RDS, Redis or ECS instances, or private addresses. */
  public abstract List<Target> privateTargets();

  /**
   * Internet destinations the service must reach besides {@link #INTERNET_EGRESS} (another port, a host, an
   * address), e.g. from {@code internet:pypi.org} in an intents file.
   */
  public abstract List<InternetTarget> internetTargets();

  /** ECS instances that must connect directly to the service's instances, on its port. */
  public abstract List<EcsInstanceId> clients();

  /**
   * What the path engine analyses for this service, in this order: each private target, internet egress (TCP
   * {@value #INTERNET_PORT} to any address) when wanted, each other internet target, each client; without
   * duplicates.
   */
  public final List<Intent> intents() {
    List<Intent> out = new ArrayList<>();
    privateTargets().forEach(t -> out.add(Intent.reach(t)));
    if (wantsInternetEgress()) {
      out.add(INTERNET_EGRESS);
    }
    internetTargets().forEach(t -> out.add(Intent.internet(t)));
    clients().forEach(c -> out.add(Intent.client(c)));
    return out.stream().distinct().toList();
  }

  /** The ids of the instance targets, sorted, without duplicates. */
  public final List<String> privateTargetIds() {
    return privateTargets().stream().flatMap(t -> t.resourceId().stream()).map(ResourceId::value).distinct()
        .sorted().toList();
  }

  /**
   * The environment ({@code dev}, {@code test}, {@code staging}, {@code prod}) when known; otherwise rules infer it
   * from the service name.
   */
  public abstract Optional<String> environment();

  /** The service's name. */
  public final String name() {
    return spec().name();
  }

  /**
   * A builder holding the service read from a service JSON file (the file {@code eascmd create} takes) with the
   * file's name as its source; add the intents and build.
   *
   * @throws io.easnet.core.InvalidInputException naming the file and the JSON pointer when the file is not valid
   */
  public static Builder fromFile(Path file) {
    return fromFile(file, SourceNames.workingDirectory());
  }

  /**
   * As {@link #fromFile(Path)}, naming the file by its path relative to {@code baseDir} (the repository root of a
   * CI run), as {@link SourceNames#of(Path, Path)} does.
   */
  public static Builder fromFile(Path file, Path baseDir) {
    ServiceDocument doc = ServiceDocument.read(file);
    return builder().spec(doc.spec()).sourceName(SourceNames.of(file, baseDir)).document(doc);
  }

  /** A service with no intents and no source name. */
  public static ServiceInput of(ServiceSpec spec) {
    return builder().spec(spec).build();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ServiceInput}. */
  public static final class Builder extends ImmutableServiceInput.Builder {
    Builder() {}

    /**
     * Adds any intent: a private target, internet egress ({@link #INTERNET_EGRESS} sets
     * {@link #wantsInternetEgress()}), another internet target, or a client.
     */
    public Builder addIntent(Intent intent) {
      if (intent instanceof Intent.Reach r) {
        return addPrivateTarget(r.target());
      }
      if (intent instanceof Intent.Client c) {
        return addClient(c.client());
      }
      if (intent.equals(INTERNET_EGRESS)) {
        return wantsInternetEgress(true);
      }
      return addInternetTarget(((Intent.Internet) intent).target());
    }

    /**
     * Adds an RDS ({@code rm-…}, {@code pgm-…}, {@code mr-…}) or Redis ({@code r-…}) instance by id, on the port the
     * inventory records for it. ECS instances need a port: use {@link Target#ecs}.
     *
     * @throws IllegalArgumentException for any other id
     */
    public Builder addPrivateTarget(String id) {
      if (id != null && RdsInstanceId.PREFIXES.stream().anyMatch(id::startsWith)) {
        return addPrivateTarget(Target.rds(RdsInstanceId.of(id)));
      }
      if (id != null && RedisInstanceId.PREFIXES.stream().anyMatch(id::startsWith)) {
        return addPrivateTarget(Target.redis(RedisInstanceId.of(id)));
      }
      throw new IllegalArgumentException("\"" + id + "\" is not an RDS (rm-, pgm-, mr-) or Redis (r-) instance id;"
          + " for an ECS instance use Target.ecs(id, port)");
    }
  }
}
