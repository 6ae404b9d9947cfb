package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.CloudServiceException;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.testkit.gen.NetworkGenerators;
import io.easnet.testkit.gen.ServiceJsonGenerator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invariants of the generators against the parsers and the fake: valid values round-trip through their text,
 * invalid text is refused with {@link IllegalArgumentException} (never another exception), rule sets hold no
 * duplicate, valid service JSON is accepted and read back as written, and malformed or wrongly shaped JSON is
 * refused by the fake as an invalid parameter.
 */
class GeneratorsFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest(maxDuration = "30s")
  void cidrsAndPortRangesRoundTripAndInvalidTextIsRefused(FuzzedDataProvider data) {
    SplittableRandom r = new SplittableRandom(data.consumeLong());
    for (int i = 0; i < 500; i++) {
      Cidr v4 = NetworkGenerators.ipv4Cidr(r);
      assertThat(Cidr.parse(v4.toString())).isEqualTo(v4);
      Cidr v6 = NetworkGenerators.ipv6Cidr(r);
      assertThat(Cidr.parse(v6.toString())).isEqualTo(v6);
      Cidr sub = NetworkGenerators.ipv4Subnet(r, v4, r.nextInt(v4.prefixLength(), 33));
      assertThat(v4.contains(sub)).isTrue();
      PortRange ports = NetworkGenerators.portRange(r);
      assertThat(PortRange.parse(ports.toString())).isEqualTo(ports);
      String badCidr = NetworkGenerators.invalidCidrText(r);
      assertThatThrownBy(() -> Cidr.parse(badCidr)).as(badCidr).isExactlyInstanceOf(IllegalArgumentException.class);
      String badPorts = NetworkGenerators.invalidPortRangeText(r);
      assertThatThrownBy(() -> PortRange.parse(badPorts)).as(badPorts)
          .isExactlyInstanceOf(IllegalArgumentException.class);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void ruleSetsHoldNoDuplicate(FuzzedDataProvider data) {
    SplittableRandom r = new SplittableRandom(data.consumeLong());
    for (int i = 0; i < 300; i++) {
      List<SecurityGroupRule> rules = NetworkGenerators.ruleSet(r, 30);
      for (int a = 0; a < rules.size(); a++) {
        for (int b = a + 1; b < rules.size(); b++) {
          assertThat(rules.get(a).sameRuleAs(rules.get(b))).isFalse();
        }
      }
    }
  }

  @FuzzTest(maxDuration = "30s")
  void theFakeAcceptsValidServiceJsonAndRefusesTheRestAsInvalid(FuzzedDataProvider data) throws Exception {
    SplittableRandom r = new SplittableRandom(data.consumeLong());
    FakeCloud fake = FakeCloud.create();
    for (int i = 0; i < 300; i++) {
      String name = ServiceJsonGenerator.serviceName(r) + "_" + i;
      String valid = ServiceJsonGenerator.valid(r, name, r.nextInt(0, 5));
      fake.eas().createService(valid);
      assertThat(JSON.readTree(fake.eas().describeService(name))).isEqualTo(JSON.readTree(valid));

      for (String bad : List.of(ServiceJsonGenerator.malformed(r), ServiceJsonGenerator.wrongShape(r))) {
        assertThatThrownBy(() -> fake.eas().createService(bad))
            .as(bad)
            .isInstanceOfSatisfying(CloudServiceException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_PARAMETER));
      }
    }
  }
}
