package io.easnet.core.plan;

import io.easnet.core.internal.ChangeSentences;
import io.easnet.core.analysis.Remedy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.ServiceNetworking;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.VpcId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Set {@code cloud.networking} of a service (in its JSON file). {@code file} is relative to the plan file's
 * directory once the plan is written; {@code fileSha256} is the file's content when planned (apply refuses a file
 * that changed since, unless it already holds the networking).
 */
record SetNetworking(String service, String file, String fileSha256, String vpcId, String vSwitchId,
    String securityGroupId) implements Action {
  /** A service JSON file as a plan names it: its path and the SHA-256 (hex) of its content when planned. */
  record ServiceFile(String path, String sha256) {}

  /** The networking the remedy sets, in the service file the intents name (if any). */
  static List<Action> plan(Remedy.SetServiceNetworking r, Planning p) {
    ServiceNetworking n = r.networking();
    ServiceFile f = p.serviceFile(r.serviceName());
    return List.of(new SetNetworking(r.serviceName(), f == null ? null : f.path(), f == null ? null : f.sha256(),
        n.vpcId().orElseThrow().value(), n.vSwitchId().orElseThrow().value(),
        n.securityGroupId().orElseThrow().value()));
  }

  /** Reads the parameters of a {@link ChangeKind#SET_SERVICE_NETWORKING} change (see {@link Action#read}). */
  static SetNetworking read(Cursor p) {
    p.rejectUnknownKeys(List.of("service", "file", "fileSha256", "vpcId", "vSwitchId", "securityGroupId"));
    return new SetNetworking(Params.text(p, "service"), p.optText("file").orElse(null), Params.sha256(p, "fileSha256"),
        Params.id(p, "vpcId", VpcId::of),
        Params.id(p, "vSwitchId", VSwitchId::of), Params.id(p, "securityGroupId", SecurityGroupId::of));
  }

  @Override
  public Optional<String> serviceFilePath() {
    return Optional.ofNullable(file);
  }

  @Override
  public SetNetworking withServiceFilePath(String newFile) {
    return new SetNetworking(service, newFile, fileSha256, vpcId, vSwitchId, securityGroupId);
  }

  /** The service file, when the plan or the applier names one, read and checked to be the planned one. */
  @Override
  public void checkBeforeWrites(Execution x) {
    Path path = x.serviceFile(this);
    if (path != null) {
      x.checkedServiceFile(this, path);
    }
  }

  ServiceNetworking networking() {
    return ServiceNetworking.of(vpcId, vSwitchId, securityGroupId);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.SET_SERVICE_NETWORKING;
  }

  @Override
  public String key() {
    return "networking:" + service;
  }

  @Override
  public List<String> targets() {
    return file == null ? List.of(service) : List.of(service, file);
  }

  @Override
  public String describe() {
    return ChangeSentences.setServiceNetworking(service, file, vpcId, vSwitchId, securityGroupId,
        ChangeSentences.NETWORKING_BY_EASCMD);
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("service", service);
    if (file != null) {
      p.put("file", file);
    }
    if (fileSha256 != null) {
      p.put("fileSha256", fileSha256);
    }
    p.put("vpcId", vpcId);
    p.put("vSwitchId", vSwitchId);
    p.put("securityGroupId", securityGroupId);
  }

  @Override
  public PlanState applyTo(PlanState s) {
    return s.withNetworking(service, networking());
  }

  @Override
  public ChangeResult execute(Execution x) {
    Path path = x.serviceFile(this);
    if (path == null) {
      return x.failed("the plan names no service file for service " + service + ": pass it with"
          + " Applier.Builder.serviceFile(\"" + service + "\", path), or plan from an intents file", "NoServiceFile");
    }
    ServiceDocument doc = x.checkedServiceFile(this, path);
    ServiceNetworking wanted = networking();
    if (doc.spec().networking().equals(Optional.of(wanted))) {
      return x.inPlace(path + " already sets cloud.networking to " + vpcId + ", " + vSwitchId + ", "
          + securityGroupId, Map.of());
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    doc.withNetworking(wanted).write(path);
    return x.applied(Map.of());
  }
}
