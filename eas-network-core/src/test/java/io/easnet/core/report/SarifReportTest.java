package io.easnet.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.rules.RuleCatalog;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the SARIF output against the official SARIF 2.1.0 JSON schema, copied verbatim into
 * {@code src/test/resources/report/sarif-schema-2.1.0.json} from the OASIS TC repository
 * {@code oasis-tcs/sarif-spec}, file {@code Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json} (commit
 * 3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab).
 */
class SarifReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = SarifReportTest.class.getResourceAsStream("/report/sarif-schema-2.1.0.json")) {
      JsonNode node = JSON.readTree(in);
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node, config);
    }
  }

  private static Set<ValidationMessage> validate(String sarif) throws Exception {
    return schema.validate(JSON.readTree(sarif));
  }

  @Test
  void fullReportIsValidSarif210() throws Exception {
    assertThat(validate(SarifReport.render(Reports.full()))).isEmpty();
  }

  @Test
  void reportOfARealRunIsValidSarif210() throws Exception {
    AnalysisInput input = io.easnet.core.analysis.EstateAnalysis.AnalysisInput.builder()
        .inventory(io.easnet.core.model.Inventory.empty())
        .addService(io.easnet.core.analysis.EstateAnalysis.ServiceInput.builder()
            .spec(io.easnet.core.model.ServiceSpec.builder().name("svc")
                .networking(io.easnet.core.model.ServiceSpec.ServiceNetworking.builder().vpcId("vpc-bp1uepgqtar*****"))
                .build())
            .sourceName("dir with space/service.json").build())
        .build();
    Report r = Report.builder().addAllFindings(RuleCatalog.standard().run(input)).build();
    assertThat(r.findings()).isNotEmpty();
    String sarif = SarifReport.render(r);
    assertThat(validate(sarif)).isEmpty();
    assertThat(JSON.readTree(sarif).path("runs").get(0).path("results").get(0).path("locations").get(0)
        .path("physicalLocation").path("artifactLocation").path("uri").asText())
        .isEqualTo("dir%20with%20space/service.json");
  }

  @Test
  void emptyReportIsValidSarif210() throws Exception {
    assertThat(validate(SarifReport.render(Report.builder().build()))).isEmpty();
  }

  @Test
  void schemaRejectsABrokenLog() throws Exception {
    assertThat(validate("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{}}]}")).isNotEmpty();
    assertThat(validate("{\"version\":\"2.0.0\",\"runs\":[]}")).isNotEmpty();
  }

  @Test
  void driverListsEveryRuleAndResultsCarryLevelsLocationsAndFingerprints() throws Exception {
    JsonNode run = JSON.readTree(SarifReport.render(Reports.full())).path("runs").get(0);
    JsonNode rules = run.path("tool").path("driver").path("rules");
    assertThat(rules.size()).isEqualTo(RuleCatalog.standard().rules().size());
    JsonNode first = rules.get(0);
    assertThat(first.path("id").asText()).isEqualTo("EASNET-001");
    assertThat(first.path("helpUri").asText()).endsWith("docs/rules/EASNET-001.md");
    assertThat(first.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
    JsonNode results = run.path("results");
    assertThat(results.size()).isEqualTo(3);
    JsonNode r0 = results.get(0);
    assertThat(r0.path("ruleId").asText()).isEqualTo("EASNET-008");
    assertThat(rules.get(r0.path("ruleIndex").asInt()).path("id").asText()).isEqualTo("EASNET-008");
    assertThat(r0.path("level").asText()).isEqualTo("error");
    assertThat(r0.path("message").path("text").asText()).startsWith("service svc: vSwitch vsw-b is in VPC vpc-b");
    JsonNode loc = r0.path("locations").get(0);
    assertThat(loc.path("physicalLocation").path("artifactLocation").path("uri").asText())
        .isEqualTo("my%20service.json");
    assertThat(loc.path("properties").path("jsonPointer").asText()).isEqualTo("/cloud/networking/vswitch_id");
    assertThat(r0.path("partialFingerprints").path(SarifReport.FINGERPRINT_KEY).asText())
        .isEqualTo(Reports.error().fingerprint());
    assertThat(results.get(1).path("message").path("text").asText()).startsWith(Reports.NASTY);
    assertThat(results.get(2).path("level").asText()).isEqualTo("note");
    assertThat(run.path("properties").path("paths").get(0).path("verdict").asText()).isEqualTo("UNREACHABLE");
  }
}
