package io.easnet.core.json;

import static io.easnet.core.json.JsonTestSupport.assertSameTree;
import static io.easnet.core.json.JsonTestSupport.resource;
import static io.easnet.core.json.JsonTestSupport.stripWhitespaceOutsideStrings;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.ServiceSpec.Autoscaler;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ServiceSpec.RollingStrategy;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ServiceSpec.StorageMount;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceDocumentRoundTripTest {

  @ParameterizedTest
  @ValueSource(strings = {"service/seed-example.json", "service/full-unmodelled.json"})
  void reserializedTreeEqualsTheOriginalWithTheSameKeyOrder(String file) {
    String original = resource(file);
    ServiceDocument doc = ServiceDocument.parse(original, file);

    ServiceDocument again = ServiceDocument.parse(doc.toJson(), file);

    assertSameTree(again.tree(), doc.tree());
    assertSameTree(ServiceDocument.parse(original, file).tree(), again.tree());
    assertThat(again).isEqualTo(doc);
  }

  @ParameterizedTest
  @ValueSource(strings = {"service/seed-example.json", "service/full-unmodelled.json"})
  void aFileInOurFormatIsReproducedCharacterForCharacterOutsideWhitespace(String file) {
    String ours = ServiceDocument.parse(resource(file), file).toJson();

    String rewritten = ServiceDocument.parse(ours, file).toJson();

    assertThat(rewritten).isEqualTo(ours);
    assertThat(stripWhitespaceOutsideStrings(rewritten)).isEqualTo(stripWhitespaceOutsideStrings(ours));
  }

  @Test
  void theSeedExampleChangesOnlyInWhitespace() {
    String original = resource("service/seed-example.json");

    String written = ServiceDocument.parse(original, "seed.json").toJson();

    assertThat(stripWhitespaceOutsideStrings(written)).isEqualTo(stripWhitespaceOutsideStrings(original));
  }

  @Test
  void numbersKeepTheirExactSpelling() {
    String written = ServiceDocument.parse(resource("service/full-unmodelled.json"), "f.json").toJson();

    assertThat(written)
        .contains("\"max_batch_timeout\": 1.50")
        .contains("\"threshold\": 9.0e-1")
        .contains("\"huge_int\": 123456789012345678901234567890")
        .contains("\"long\": 9007199254740993")
        .contains("\"exponent\": 1e5")
        .contains("\"exponent_upper\": 2.5E-3")
        .contains("\"negative_zero\": -0.0")
        .contains("\"many_digits\": 3.141592653589793238462643383279502884197")
        .contains("\"gpu_core_percentage\": 50.5");
  }

  @Test
  void unicodeAndEscapesSurvive() {
    ServiceDocument doc = ServiceDocument.parse(resource("service/full-unmodelled.json"), "f.json");

    String written = doc.toJson();

    assertThat(written).contains("Qwen \\u2014 7B \\u00e9t\\u00e9 \\ud83d\\ude80"); // escapes as written
    assertThat(doc.tree().at("/containers/0/env/0/value").textValue())
        .isEqualTo("Qwen \u2014 7B \u00e9t\u00e9 \ud83d\ude80");
    assertThat(doc.tree().at("/nested/3").textValue())
        .isEqualTo("escapes: \"quoted\" back\\slash tab\t newline\n slash/ control \u0001");
    assertThat(ServiceDocument.parse(written, "f.json").tree().at("/nested/3").textValue())
        .isEqualTo(doc.tree().at("/nested/3").textValue());
  }

  @Test
  void unknownSectionsAndKeyOrderSurviveExactly() {
    ServiceDocument doc = ServiceDocument.parse(resource("service/full-unmodelled.json"), "f.json");

    String written = doc.toJson();

    assertThat(written.indexOf("\"processor_type\"")).isLessThan(written.indexOf("\"metadata\""));
    assertThat(written.indexOf("\"dockerAuth\"")).isLessThan(written.indexOf("\"features\""));
    assertThat(written).contains("\"default_route\": \"eth1\"", "\"scaleStrategies\"", "\"nlb\"",
        "\"empty_object\": {}", "\"empty_array\": []", "\"null_value\": null", "\"path/with~tilde\": \"kept\"");
  }

  @Test
  void theSeedExampleMapsToTheTypedView() {
    ServiceSpec spec = ServiceDocument.parse(resource("service/seed-example.json"), "seed.json").spec();

    assertThat(spec.name()).isEqualTo("service_name");
    assertThat(spec.instanceCount()).hasValue(1);
    assertThat(spec.workspaceId()).hasValue("21***");
    assertThat(spec.instanceTypes()).containsExactly("ecs.gn6e-c12g1.3xlarge");
    assertThat(spec.networking()).hasValueSatisfying(n -> {
      assertThat(n.vpcId()).hasValue(VpcId.of("vpc-bp1uepgqtar*****"));
      assertThat(n.vSwitchId()).hasValue(VSwitchId.of("vsw-bp1glkxase*****"));
      assertThat(n.securityGroupId()).hasValue(SecurityGroupId.of("sg-bp1brugkivv*****"));
      assertThat(n.vpcId().get().isPlaceholder()).isTrue();
    });
    assertThat(spec.containers()).containsExactly(Container.builder()
        .image("eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py39-ubuntu2004")
        .script("python app.py").port(8000).build());
  }

  @Test
  void theLargeFileMapsEveryModelledField() {
    ServiceSpec spec = ServiceDocument.parse(resource("service/full-unmodelled.json"), "f.json").spec();

    assertThat(spec.name()).isEqualTo("llm_chat_prod");
    assertThat(spec.instanceCount()).hasValue(4);
    assertThat(spec.workspaceId()).hasValue("123456");
    assertThat(spec.resourceGroupId()).hasValue(ResourceGroupId.of("eas-r-h7lcw24dyqztwxxxxxx"));
    assertThat(spec.cpu()).hasValue(8);
    assertThat(spec.memoryMb()).hasValue(32000);
    assertThat(spec.gpu()).hasValue(1);
    assertThat(spec.instanceTypes())
        .containsExactly("ecs.gn7i-c8g1.2xlarge", "ecs.gn6i-c8g1.2xlarge", "ecs.gn7i-c16g1.4xlarge");
    assertThat(spec.networking().get().isComplete()).isTrue();
    assertThat(spec.containers()).hasSize(2);
    assertThat(spec.containers().get(1).command()).hasValue("/bin/sidecar --listen :9000");
    assertThat(spec.containers().get(1).port()).hasValue(9000);
    assertThat(spec.autoscaler()).hasValue(Autoscaler.of(2, 10));
    assertThat(spec.rollingStrategy().get().maxSurge()).hasValue("20%");
    assertThat(spec.rollingStrategy().get().maxUnavailable()).hasValue("1");
    assertThat(spec.rollingStrategy().get().surgeFor(10)).hasValue(2);
    assertThat(spec.storage()).hasSize(4);
    assertThat(spec.storage().get(0)).isEqualTo(StorageMount.builder().mountPath("/models")
        .ossPath("oss://examplebucket/models/").ossEndpoint("oss-cn-hangzhou-internal.aliyuncs.com").build());
    assertThat(spec.storage().get(1)).isEqualTo(StorageMount.builder().mountPath("/data")
        .nfsServer("0c9a1b2c3d-abc12.cn-hangzhou.nas.aliyuncs.com").nfsPath("/shared").build());
    assertThat(spec.peakInstances()).isEqualTo(10);
  }

  @Test
  void theLegacyTopLevelNameIsAccepted() {
    ServiceDocument doc = ServiceDocument.parse(
        "{\"name\":\"mnist_saved_model_example\",\"model_path\":\"oss://b/m/\",\"processor\":\"tensorflow_cpu_1.12\","
            + "\"metadata\":{\"instance\":1,\"cpu\":1}}",
        null);

    assertThat(doc.spec().name()).isEqualTo("mnist_saved_model_example");
    assertThat(doc.source()).isEmpty();
  }

  @Test
  void theSameNameInBothPlacesIsAccepted() {
    ServiceDocument doc = ServiceDocument.parse("{\"name\":\"a\",\"metadata\":{\"name\":\"a\"}}", "s.json");

    assertThat(doc.spec().name()).isEqualTo("a");
    assertThat(doc.source()).hasValue("s.json");
  }

  @Test
  void nullAndEmptyOptionalValuesMeanNotSet() {
    ServiceSpec spec = ServiceDocument.parse(
        "{\"metadata\":{\"name\":\"a\",\"instance\":null,\"resource\":\"\"},"
            + "\"cloud\":{\"networking\":{\"vpc_id\":\"vpc-abc\",\"vswitch_id\":\"\",\"security_group_id\":null}}}",
        null).spec();

    assertThat(spec.instanceCount()).isEmpty();
    assertThat(spec.resourceGroupId()).isEmpty();
    assertThat(spec.networking().get().missingKeys()).containsExactly("vswitch_id", "security_group_id");
  }

  @Test
  void readAndWriteGoThroughFiles(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("service.json");
    Files.writeString(in, resource("service/full-unmodelled.json"));

    ServiceDocument doc = ServiceDocument.read(in);
    Path out = dir.resolve("out.json");
    doc.write(out);

    assertThat(doc.source()).hasValue(in.toString());
    assertThat(Files.readString(out)).isEqualTo(doc.toJson());
    assertThat(ServiceDocument.read(out)).isEqualTo(doc);
  }

  @Test
  void theServiceExampleIsInOurFormatAlready() throws Exception {
    Path example = Path.of("..", "examples", "service-vpc.json");
    String text = Files.readString(example);

    ServiceDocument doc = ServiceDocument.read(example);

    assertThat(doc.toJson()).isEqualTo(text);
    assertThat(doc.spec().networking().get().isComplete()).isTrue();
    assertThat(doc.spec().networking().get().vpcId().get().isPlaceholder()).isFalse();
  }

  @Test
  void toStringNamesTheServiceButNotTheContent() {
    ServiceDocument doc = ServiceDocument.parse(resource("service/full-unmodelled.json"), "f.json");

    assertThat(doc.toString()).contains("llm_chat_prod").contains("f.json").doesNotContain("dXNlcjpwYXNzd29yZA");
  }

  @ParameterizedTest
  @ValueSource(strings = {"service/seed-example.json", "service/full-unmodelled.json"})
  void renderingTheTypedViewGivesTheSameViewBack(String file) {
    ServiceSpec spec = ServiceDocument.parse(resource(file), file).spec();

    ServiceDocument rendered = ServiceDocument.from(spec);

    assertThat(rendered.spec()).isEqualTo(spec);
    assertThat(rendered.source()).isEmpty();
  }

  @Test
  void renderingUsesTheEascmdLayout() {
    ServiceSpec spec = ServiceSpec.builder().name("demo").instanceCount(2)
        .rollingStrategy(RollingStrategy.builder().maxSurge("1").maxUnavailable("25%").build())
        .networking(ServiceNetworking.of("vpc-a", "vsw-a", "sg-a"))
        .addInstanceType("ecs.c7.large")
        .addContainer(Container.builder().image("img").port(8000).build())
        .autoscaler(Autoscaler.of(1, 3))
        .build();

    String json = stripWhitespaceOutsideStrings(ServiceDocument.from(spec).toJson());

    assertThat(json).isEqualTo("{\"metadata\":{\"name\":\"demo\",\"instance\":2,\"rolling_strategy\":"
        + "{\"max_surge\":1,\"max_unavailable\":\"25%\"}},\"cloud\":{\"computing\":{\"instances\":"
        + "[{\"type\":\"ecs.c7.large\"}]},\"networking\":{\"vpc_id\":\"vpc-a\",\"vswitch_id\":\"vsw-a\","
        + "\"security_group_id\":\"sg-a\"}},\"containers\":[{\"image\":\"img\",\"port\":8000}],"
        + "\"autoscaler\":{\"min\":1,\"max\":3}}");
  }
}
