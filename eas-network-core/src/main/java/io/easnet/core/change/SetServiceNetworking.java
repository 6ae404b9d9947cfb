package io.easnet.core.change;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Set the service's {@code cloud.networking} block in its service JSON file (which the user then deploys with
 * {@code eascmd update}). {@code file} is relative to the plan file's directory once the plan is written;
 * {@code fileSha256} is the file's content when planned (apply refuses a file that changed since, unless it already
 * holds the networking). The analysis names neither.
 *
 * @param serviceName the service
 * @param networking the complete block
 * @param file the service JSON file, or null
 * @param fileSha256 the SHA-256 (hex) of the file when planned, or null
 */
public record SetServiceNetworking(String serviceName, ServiceNetworking networking, String file, String fileSha256)
    implements Change {
  /**
   * A service JSON file as a plan names it.
   *
   * @param path its path
   * @param sha256 the SHA-256 (hex) of its content when planned, or null
   */
  public record ServiceFile(String path, String sha256) {}

  /** Checks the arguments: the block must be complete. */
  public SetServiceNetworking {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(networking, "networking");
    if (!networking.isComplete()) {
      throw new IllegalArgumentException("a networking change sets a complete block; missing "
          + String.join(", ", networking.missingKeys()));
    }
  }

  /** The networking of {@code serviceName} as the analysis asks for it: no file named yet. */
  public SetServiceNetworking(String serviceName, ServiceNetworking networking) {
    this(serviceName, networking, null, null);
  }

  /** Reads the parameters of a {@link ChangeKind#SET_SERVICE_NETWORKING} change. */
  static SetServiceNetworking read(Cursor p) {
    p.rejectUnknownKeys(List.of("service", "file", "fileSha256", "vpcId", "vSwitchId", "securityGroupId"));
    String service = Params.text(p, "service");
    String file = p.optText("file").orElse(null);
    String sha256 = Params.sha256(p, "fileSha256");
    return new SetServiceNetworking(service, ServiceNetworking.of(Params.id(p, "vpcId", VpcId::of),
        Params.id(p, "vSwitchId", VSwitchId::of), Params.id(p, "securityGroupId", SecurityGroupId::of)), file,
        sha256);
  }

  /** The networking of a plan, in the service file the intents name (if any). */
  @Override
  public List<Change> bind(Binding b) {
    Optional<ServiceFile> f = b.serviceFile(serviceName);
    return List.of(new SetServiceNetworking(serviceName, ServiceNetworking.of(vpcId(), vSwitchId(),
        securityGroupId()), f.map(ServiceFile::path).orElse(null),
        f.map(ServiceFile::sha256).orElse(null)));
  }

  @Override
  public Optional<String> serviceFilePath() {
    return Optional.ofNullable(file);
  }

  @Override
  public SetServiceNetworking withServiceFilePath(String newFile) {
    return new SetServiceNetworking(serviceName, networking, newFile, fileSha256);
  }

  /** The service file, when the plan or the applier names one, read and checked to be the planned one. */
  @Override
  public void checkBeforeWrites(Execution<?> x) {
    Path path = x.serviceFile(this);
    if (path != null) {
      x.checkedServiceFile(this, path);
    }
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.SET_SERVICE_NETWORKING;
  }

  @Override
  public String key() {
    return "networking:" + serviceName;
  }

  @Override
  public List<String> targets() {
    return file == null ? List.of(serviceName) : List.of(serviceName, file);
  }

  private String vpcId() {
    return networking.vpcId().orElseThrow().value();
  }

  private String vSwitchId() {
    return networking.vSwitchId().orElseThrow().value();
  }

  private String securityGroupId() {
    return networking.securityGroupId().orElseThrow().value();
  }

  @Override
  public String describe() {
    return "set cloud.networking of service " + serviceName + (file == null ? "" : " in " + file) + " to vpc_id "
        + vpcId() + ", vswitch_id " + vSwitchId() + ", security_group_id " + securityGroupId()
        + " (service JSON; deploy it with eascmd update)";
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("service", serviceName);
    if (file != null) {
      p.put("file", file);
    }
    if (fileSha256 != null) {
      p.put("fileSha256", fileSha256);
    }
    p.put("vpcId", vpcId());
    p.put("vSwitchId", vSwitchId());
    p.put("securityGroupId", securityGroupId());
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    n.put("serviceName", serviceName);
    ObjectNode b = n.putObject("networking");
    b.put("vpc_id", vpcId());
    b.put("vswitch_id", vSwitchId());
    b.put("security_group_id", securityGroupId());
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    return s.withNetworking(serviceName, networking);
  }

  @Override
  public <R> R execute(Execution<R> x) {
    Path path = x.serviceFile(this);
    if (path == null) {
      return x.failed("the plan names no service file for service " + serviceName + ": pass it with"
          + " Applier.Builder.serviceFile(\"" + serviceName + "\", path), or plan from an intents file",
          "NoServiceFile");
    }
    ServiceDocument doc = x.checkedServiceFile(this, path);
    if (doc.spec().networking().equals(Optional.of(networking))) {
      return x.inPlace(path + " already sets cloud.networking to " + vpcId() + ", " + vSwitchId() + ", "
          + securityGroupId(), Map.of());
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    doc.withNetworking(networking).write(path);
    return x.applied(Map.of());
  }
}
