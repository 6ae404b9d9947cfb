package io.easnet.core.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.CapacityAnalyzer;
import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathAnalyzer;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.CapacityReport.ServiceDemand;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.Target;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.report.Report;
import io.easnet.core.report.Report.ReportFormat;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleCatalog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One end-to-end case read from {@code src/test/resources/e2e/<case>/}: {@code snapshot.json} (inventory with its
 * resource groups) and one or more {@code service*.json} files, analysed with intents given in code, through the
 * rule catalogue, the path analyzer and the capacity planner, into a {@link Report} rendered as Markdown and SARIF.
 */
final class Scenario {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema sarifSchema;

  final Snapshot snapshot;
  final Map<String, ServiceDocument> services = new LinkedHashMap<>();
  private final Map<String, ServiceInput.Builder> inputs = new LinkedHashMap<>();
  private final List<PathResult> paths = new ArrayList<>();
  private final List<String> files = new ArrayList<>();

  private Scenario(Path dir) throws Exception {
    snapshot = SnapshotJson.parse(Files.readString(dir.resolve("snapshot.json")), "snapshot.json");
    files.add("snapshot.json");
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.getFileName().toString().startsWith("service")).sorted().toList()) {
        String name = p.getFileName().toString();
        ServiceDocument doc = ServiceDocument.parse(Files.readString(p), name);
        services.put(doc.spec().name(), doc);
        inputs.put(doc.spec().name(), ServiceInput.builder().spec(doc.spec()).sourceName(name));
        files.add(name);
      }
    }
  }

  static Scenario load(String name) throws Exception {
    return new Scenario(Path.of(Scenario.class.getResource("/e2e/" + name).toURI()));
  }

  Inventory inventory() {
    return snapshot.inventory();
  }

  EffectiveNetwork network(String service) {
    return NetworkResolver.create().resolve(services.get(service).spec(), inventory());
  }

  /** The service must reach the RDS instance; the path is analysed and kept for the report. */
  PathResult rds(String service, String id) {
    inputs.get(service).addPrivateTarget(id);
    return keep(PathAnalyzer.of(inventory()).privateTarget(network(service), Target.rds(RdsInstanceId.of(id))));
  }

  /** The service must reach the Redis instance. */
  PathResult redis(String service, String id) {
    inputs.get(service).addPrivateTarget(id);
    return keep(PathAnalyzer.of(inventory()).privateTarget(network(service), Target.redis(RedisInstanceId.of(id))));
  }

  /** The service needs internet egress (HTTPS). */
  PathResult internet(String service) {
    inputs.get(service).wantsInternetEgress(true);
    return keep(PathAnalyzer.of(inventory()).internet(network(service), InternetTarget.any(443)));
  }

  /** An ECS client calls the service directly on its container port. */
  PathResult client(String ecs, String service) {
    return keep(PathAnalyzer.of(inventory()).clientToService(EcsInstanceId.of(ecs), network(service),
        services.get(service).spec()));
  }

  private PathResult keep(PathResult r) {
    paths.add(r);
    return r;
  }

  AnalysisInput input() {
    AnalysisInput.Builder b = AnalysisInput.builder().inventory(inventory()).inventorySource("snapshot.json");
    inputs.values().forEach(i -> b.addService(i.build()));
    return b.build();
  }

  List<Finding> findings() {
    return RuleCatalog.standard().run(input());
  }

  CapacityReport capacity() {
    List<ServiceDemand> demands = new ArrayList<>();
    for (ServiceDocument d : services.values()) {
      demands.add(ServiceDemand.of(d.spec(), network(d.spec().name())));
    }
    return CapacityAnalyzer.of(inventory()).analyze(demands);
  }

  Report report() {
    return Report.builder().toolVersion("test").addAllInputs(files).addAllFindings(findings())
        .addAllPathResults(paths).capacity(capacity()).build();
  }

  String markdown() {
    return ReportFormat.MARKDOWN.render(report());
  }

  /** The SARIF rendering, checked against the official SARIF 2.1.0 schema first. */
  String sarif() throws Exception {
    String sarif = ReportFormat.SARIF.render(report());
    Set<ValidationMessage> errors = schema().validate(JSON.readTree(sarif));
    if (!errors.isEmpty()) {
      throw new AssertionError("SARIF does not validate: " + errors);
    }
    return sarif;
  }

  private static synchronized JsonSchema schema() throws Exception {
    if (sarifSchema == null) {
      try (InputStream in = Scenario.class.getResourceAsStream("/report/sarif-schema-2.1.0.json")) {
        sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in),
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
      }
    }
    return sarifSchema;
  }
}
