package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import io.easnet.testkit.gen.NetworkGenerators;
import io.easnet.testkit.gen.ServiceJsonGenerator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The service JSON generators against the engine: valid documents parse and survive read → write → read, malformed
 * text is refused with an {@link InvalidInputException} naming the file, wrongly shaped documents are refused by the
 * parser or the resolver (never with another exception), and a complete service block always wins over the
 * resource group's DLink.
 */
class ServiceJsonGeneratorProperties {
  private final NetworkResolver resolver = NetworkResolver.create();

  @Test
  void validDocumentsParseAndRoundTrip() {
    SplittableRandom r = new SplittableRandom(61);
    for (int i = 0; i < 300; i++) {
      String json = ServiceJsonGenerator.valid(r);
      ServiceDocument doc = ServiceDocument.parse(json, "gen.json");
      ServiceDocument again = ServiceDocument.parse(doc.toJson(), "gen.json");
      assertThat(again.toJson()).isEqualTo(doc.toJson());
      assertThat(again.spec()).isEqualTo(doc.spec());
    }
  }

  /**
   * Issue 19: the inbound keys the generator draws are read, survive a round trip and are written back by
   * {@link ServiceDocument#from}; each of them occurs in the sample, so the property covers them.
   */
  @Test
  void inboundKeysAreReadAndWrittenBack() {
    SplittableRandom r = new SplittableRandom(65);
    int routes = 0;
    int cidrs = 0;
    int gateways = 0;
    int endpoints = 0;
    for (int i = 0; i < 400; i++) {
      ServiceDocument doc = ServiceDocument.parse(ServiceJsonGenerator.valid(r), "gen.json");
      ServiceSpec spec = doc.spec();
      assertThat(ServiceDocument.from(spec).spec()).as(doc.toJson()).isEqualTo(spec);
      if (spec.networking().isPresent()) {
        routes += spec.networking().get().defaultRoute().isPresent() ? 1 : 0;
        cidrs += spec.networking().get().destinationCidrs().isEmpty() ? 0 : 1;
        assertThat(doc.toJson().contains("destination_cidrs"))
            .isEqualTo(!spec.networking().get().destinationCidrs().isEmpty());
      }
      if (spec.invocation().isPresent()) {
        gateways += spec.invocation().get().dedicatedGateway() ? 1 : 0;
        endpoints += spec.invocation().get().disableInternetEndpoint().isPresent() ? 1 : 0;
      }
      assertThat(doc.nearMisses()).as(doc.toJson()).isEmpty();
    }
    assertThat(routes).isPositive();
    assertThat(cidrs).isPositive();
    assertThat(gateways).isPositive();
    assertThat(endpoints).isPositive();
  }

  @Test
  void malformedTextIsRefusedNamingTheFile() {
    SplittableRandom r = new SplittableRandom(62);
    for (int i = 0; i < 300; i++) {
      String json = ServiceJsonGenerator.malformed(r);
      assertThatThrownBy(() -> ServiceDocument.parse(json, "gen.json"))
          .as(json)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("gen.json");
    }
  }

  @Test
  void wronglyShapedDocumentsAreRefusedAsInvalidInput() {
    SplittableRandom r = new SplittableRandom(63);
    for (int i = 0; i < 300; i++) {
      String json = ServiceJsonGenerator.wrongShape(r);
      assertThatThrownBy(() -> resolver.resolve(ServiceDocument.parse(json, "gen.json").spec()))
          .as(json)
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void aCompleteServiceBlockAlwaysWinsOverTheResourceGroup() {
    SplittableRandom r = new SplittableRandom(64);
    for (int i = 0; i < 300; i++) {
      VpcId vpc = VpcId.of(NetworkGenerators.randomId(r, "vpc-"));
      VSwitchId vsw = VSwitchId.of(NetworkGenerators.randomId(r, "vsw-"));
      SecurityGroupId sg = SecurityGroupId.of(NetworkGenerators.randomId(r, "sg-"));
      ServiceDocument doc = ServiceDocument.parse(ServiceJsonGenerator.valid(r, vpc, vsw, sg), "gen.json");
      DLink dlink = DLink.builder().vSwitchId(NetworkGenerators.randomId(r, "vsw-"))
          .securityGroupId(NetworkGenerators.randomId(r, "sg-")).build();
      ResourceGroup group = ResourceGroup.builder().id(NetworkGenerators.randomId(r, "eas-r-")).dlink(dlink).build();
      EffectiveNetwork n = resolver.resolve(doc.spec().toBuilder().resourceGroupId(group.id()).build(), group);
      assertThat(n.provenance()).isEqualTo(Provenance.SERVICE);
      assertThat(n.vSwitchId()).contains(vsw);
      assertThat(n.securityGroupId()).contains(sg);
      assertThat(n.shadowedResourceGroupConfig()).contains(dlink);
    }
  }
}
