package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, "The inbound side of the service JSON": EASNET-049 (internet endpoint on for a service called only from
 * its VPC), EASNET-050 (dedicated gateway with autoscaling from zero) and EASNET-051 (a direct-connection client
 * outside the service's {@code destination_cidrs}), each positive on an edit of the healthy example and negative on
 * the healthy example itself, which stays free of errors and warnings.
 */
class InboundRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SNAPSHOT = Path.of("../examples/snapshot.json");
  private static final Path SERVICE = Path.of("../examples/service-vpc.json");
  /** The healthy example's ECS client: 192.168.2.20 in vsw-bp13b3pvjap3vxn5r8y2a (192.168.2.0/24). */
  private static final EcsInstanceId CLIENT = EcsInstanceId.of("i-bp1h6f8k2m4n7q9s3t5v");

  @TempDir Path dir;

  private Report check(Consumer<ObjectNode> edit, boolean withClient) throws Exception {
    ObjectNode tree = (ObjectNode) JSON.readTree(SERVICE.toFile());
    edit.accept(tree);
    Path file = dir.resolve("service.json");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    ServiceInput.Builder s = ServiceInput.fromFile(file, dir)
        .addPrivateTarget("rm-bp1x7y2z9a4b6c8d3e5f").addPrivateTarget("r-bp1c4e6g8i0k2m4o6q")
        .addIntent(ServiceInput.INTERNET_EGRESS);
    if (withClient) {
      s.addIntent(Intent.client(CLIENT));
    }
    // the snapshot's own copy of chat_inference is left out: the edited file stands for it
    ObjectNode snapshot = (ObjectNode) JSON.readTree(SNAPSHOT.toFile());
    snapshot.remove("services");
    Path estate = dir.resolve("estate.json");
    Files.writeString(estate, JSON.writeValueAsString(snapshot));
    return NetworkCheck.builder().snapshot(estate).addService(s).build().run();
  }

  private static List<Finding> of(Report r, String rule) {
    return r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
  }

  private static ObjectNode cloudNetworking(ObjectNode t) {
    return (ObjectNode) t.get("cloud").get("networking");
  }

  @Test
  void theHealthyExampleHasNoneOfTheThreeAndNoErrorOrWarning() throws Exception {
    Report r = check(t -> { }, true);
    assertThat(r.findings()).as(r.summaryLine())
        .noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING);
    assertThat(r.findings()).extracting(Finding::ruleId)
        .doesNotContain("EASNET-049", "EASNET-050", "EASNET-051");
    assertThat(r.pathResults()).allMatch(p -> p.verdict() == Verdict.REACHABLE);
  }

  @Test
  void internetEndpointLeftOnForVpcCallersIsAWarning() throws Exception {
    Report r = check(t -> t.remove("networking"), true);
    List<Finding> f = of(r, "EASNET-049");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(f.get(0).pointer()).isEqualTo("/networking");
    assertThat(f.get(0).message()).contains("chat_inference", CLIENT.value(), "left on (the default)");
    assertThat(f.get(0).remediation()).contains("\"disable_internet_endpoint\": true");

    Report explicit = check(t -> ((ObjectNode) t.get("networking")).put("disable_internet_endpoint", false), true);
    assertThat(of(explicit, "EASNET-049")).singleElement()
        .satisfies(e -> assertThat(e.pointer()).isEqualTo("/networking/disable_internet_endpoint"));
  }

  @Test
  void noVpcCallersNoInternetEndpointFinding() throws Exception {
    assertThat(of(check(t -> t.remove("networking"), false), "EASNET-049")).isEmpty();
  }

  @Test
  void dedicatedGatewayWithScaleFromZeroIsAnError() throws Exception {
    Report r = check(t -> {
      ((ObjectNode) t.get("networking")).put("gateway", "gw-1uhcqmsc7x22");
      t.putObject("autoscaler").put("min", 0).put("max", 4);
    }, true);
    List<Finding> f = of(r, "EASNET-050");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(f.get(0).pointer()).isEqualTo("/autoscaler/min");
    assertThat(f.get(0).message()).contains("gw-1uhcqmsc7x22", "cannot scale from zero");
    assertThat(f.get(0).resourceIds()).contains("gw-1uhcqmsc7x22");
  }

  @Test
  void noDedicatedGatewayOrMinimumAboveZeroIsFine() throws Exception {
    assertThat(of(check(t -> t.putObject("autoscaler").put("min", 0).put("max", 4), true), "EASNET-050"))
        .as("shared gateway: scale from zero is allowed").isEmpty();
    assertThat(of(check(t -> {
      ((ObjectNode) t.get("networking")).put("gateway", "gw-1uhcqmsc7x22");
      t.putObject("autoscaler").put("min", 1).put("max", 4);
    }, true), "EASNET-050")).isEmpty();
  }

  @Test
  void aClientOutsideTheDestinationCidrsIsBlocked() throws Exception {
    Report r = check(t -> cloudNetworking(t).put("destination_cidrs", "10.0.0.0/8"), true);
    List<Finding> f = of(r, "EASNET-051");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(f.get(0).pointer()).isEqualTo("/cloud/networking/destination_cidrs");
    assertThat(f.get(0).intents()).isNotEmpty();
    assertThat(f.get(0).remediation()).contains("192.168.2.0/24", "destination_cidrs");
    PathResult client = clientPath(r);
    assertThat(client.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(client.has(ExplanationCode.SERVICE_CLIENT_OUTSIDE_DESTINATION_CIDRS)).isTrue();
    assertThat(client.assumptions()).anyMatch(a -> a.key() == AssumptionKey.SERVICE_RETURN_ROUTE_INFERRED);
    // the EAS-initiated paths are not restricted by the client routes
    assertThat(r.pathResults()).filteredOn(p -> p != client).allMatch(p -> p.verdict() == Verdict.REACHABLE);
  }

  @Test
  void aClientInsideTheDestinationCidrsOrBehindDefaultRouteEth1IsReachable() throws Exception {
    Report inside = check(t -> cloudNetworking(t).put("destination_cidrs", "10.0.0.0/8,192.168.2.0/24"), true);
    assertThat(of(inside, "EASNET-051")).isEmpty();
    assertThat(clientPath(inside).verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(clientPath(inside).assumptions()).anyMatch(a -> a.key() == AssumptionKey.SERVICE_RETURN_ROUTE_INFERRED);

    Report eth1 = check(t -> cloudNetworking(t).put("destination_cidrs", "10.0.0.0/8").put("default_route", "eth1"),
        true);
    assertThat(of(eth1, "EASNET-051")).isEmpty();
    assertThat(clientPath(eth1).verdict()).isEqualTo(Verdict.REACHABLE);

    Report eth0 = check(t -> cloudNetworking(t).put("destination_cidrs", "10.0.0.0/8").put("default_route", "eth0"),
        true);
    assertThat(of(eth0, "EASNET-051")).hasSize(1);
  }

  private static PathResult clientPath(Report r) {
    return r.pathResults().stream().filter(p -> p.intent() instanceof Intent.Client).findFirst().orElseThrow();
  }
}
