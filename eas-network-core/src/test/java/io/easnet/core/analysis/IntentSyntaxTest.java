package io.easnet.core.analysis;

import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.analysis.Target.InternetTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IntentSyntaxTest {
  @Test
  void intentParseIsThePublicDoorToTheGrammar() {
    for (String text : List.of("rds:rm-1:3306", "internet:oss-cn-hangzhou.aliyuncs.com", "from:ecs:i-web")) {
      assertThat(Intent.parse(text)).isEqualTo(IntentSyntax.parse(text));
    }
    assertThatThrownBy(() -> Intent.parse("rds"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rds");
  }

  @Test
  void readsEveryForm() {
    assertThat(IntentSyntax.parse("rds:rm-1")).isEqualTo(Intent.reach(Target.rds(RdsInstanceId.of("rm-1"))));
    assertThat(IntentSyntax.parse("rds:pgm-2:5432"))
        .isEqualTo(Intent.reach(Target.rds(RdsInstanceId.of("pgm-2"), 5432)));
    assertThat(IntentSyntax.parse("redis:r-9")).isEqualTo(Intent.reach(Target.redis(RedisInstanceId.of("r-9"))));
    assertThat(IntentSyntax.parse("ecs:i-db:5432"))
        .isEqualTo(Intent.reach(Target.ecs(EcsInstanceId.of("i-db"), 5432)));
    assertThat(IntentSyntax.parse("ip:10.0.0.5:8080"))
        .isEqualTo(Intent.reach(Target.address(IpAddress.parse("10.0.0.5"), 8080, Protocol.TCP)));
    assertThat(IntentSyntax.parse("ip:[fd00::1]:443"))
        .isEqualTo(Intent.reach(Target.address(IpAddress.parse("fd00::1"), 443, Protocol.TCP)));
    assertThat(IntentSyntax.parse("internet")).isEqualTo(Intent.internet(InternetTarget.any(443)));
    assertThat(IntentSyntax.parse("internet:80")).isEqualTo(Intent.internet(InternetTarget.any(80)));
    assertThat(IntentSyntax.parse("internet:8.8.8.8:53"))
        .isEqualTo(Intent.internet(InternetTarget.to(IpAddress.parse("8.8.8.8"), 53)));
    assertThat(IntentSyntax.parse(" internet:OSS-cn-hangzhou.aliyuncs.com "))
        .isEqualTo(Intent.internet(InternetTarget.host("oss-cn-hangzhou.aliyuncs.com", 443)));
    assertThat(IntentSyntax.parse("from:ecs:i-web")).isEqualTo(Intent.client(EcsInstanceId.of("i-web")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rds:rm-1", "rds:rm-1:3306", "redis:r-1:6380", "ecs:i-1:22", "ip:192.168.0.1:80",
      "ip:[2001:db8::1]:443", "internet", "internet:80", "internet:api.example.com",
      "internet:api.example.com:8443", "internet:1.2.3.4", "internet:[2001:db8::2]:80", "from:ecs:i-client",
      "internet:203.0.113.0/24", "internet:203.0.113.0/24:8443", "internet:[2001:db8::/32]:80",
      "internet:api.partner.com:8443?allowlist=47.96.0.10,47.96.1.0/28", "internet?allowlist=47.96.0.10",
      "internet:1.2.3.4?allowlist=47.96.0.0/24"})
  void formatReadsBack(String text) {
    Intent intent = IntentSyntax.parse(text);
    assertThat(IntentSyntax.format(intent)).isEqualTo(text);
    assertThat(IntentSyntax.parse(IntentSyntax.format(intent))).isEqualTo(intent);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "rds", "rds:", "rds:vpc-1", "rds:rm-1:", "rds:rm-1:0", "rds:rm-1:65536",
      "rds:rm-1:33a", "ecs:i-1", "ip:10.0.0.1", "ip:fd00::1:443", "ip:[fd00::1", "ip:10.0.0.300:80",
      "internet:", "internet:-bad-.com", "internet:host:99999", "from:i-1", "from:ecs:", "oss:bucket",
      "internet:[::1]x", "internet?allowlist=", "internet?allow=1.2.3.4", "internet:h.com?allowlist=1.2.3",
      "internet:203.0.113.1/24", "internet?allowlist=1.2.3.4,"})
  void badTextNamesItselfAndTheForms(String text) {
    assertThatThrownBy(() -> IntentSyntax.parse(text, "intents.json", "/intents/0"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("intents.json")
        .hasMessageContaining("/intents/0")
        .hasMessageContaining("\"" + text + "\" is not an intent")
        .hasMessageContaining("rds:ID[:PORT]");
  }

  @Test
  void formsWithoutTextAreRefusedClearly() {
    Intent udp = Intent.reach(Target.address(IpAddress.parse("10.0.0.1"), 53, Protocol.UDP));
    Intent allowlisted = Intent.internet(InternetTarget.any(443).withAllowlist(List.of()));
    assertThatThrownBy(() -> IntentSyntax.format(udp)).hasMessageContaining("no text form");
    assertThatThrownBy(() -> IntentSyntax.format(allowlisted)).hasMessageContaining("no text form");
  }

  @Test
  void aBlockAndAnAllowlistAreRead() {
    Intent i = IntentSyntax.parse("internet:203.0.113.0/24:8443?allowlist=47.96.0.10, 47.96.1.0/28");
    InternetTarget t = ((Intent.Internet) i).target();
    assertThat(t.destinationBlock()).isEqualTo(Cidr.parse("203.0.113.0/24"));
    assertThat(t.destination()).isEmpty();
    assertThat(t.port()).isEqualTo(8443);
    assertThat(t.allowlist()).hasValue(List.of(Cidr.parse("47.96.0.10"), Cidr.parse("47.96.1.0/28")));
    assertThat(i.describe()).isEqualTo("reach 203.0.113.0/24 on the internet on tcp 8443 through an external"
        + " allowlist");
    assertThat(((Intent.Internet) IntentSyntax.parse("internet:8.8.8.8/32")).target())
        .isEqualTo(InternetTarget.to(IpAddress.parse("8.8.8.8"), 443));
  }

  @Test
  void aHostNameIsAnalysedAsAnyAddressAndNamedInTheDescription() {
    InternetTarget t = InternetTarget.host("example.com", 443);
    assertThat(t.destinationBlock()).isEqualTo(InternetTarget.any(443).destinationBlock());
    assertThat(Intent.internet(t).describe()).isEqualTo("reach example.com on the internet on tcp 443");
    assertThat(t).isNotEqualTo(InternetTarget.any(443));
  }
}
