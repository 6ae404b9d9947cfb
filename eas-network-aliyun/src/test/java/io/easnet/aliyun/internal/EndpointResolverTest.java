package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.aliyun.AliyunProduct;
import io.easnet.core.EasNetworkException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointResolverTest {
  private final EndpointResolver publicEndpoints = new EndpointResolver(false, Map.of());
  private final EndpointResolver vpcEndpoints = new EndpointResolver(true, Map.of());

  private String host(EndpointResolver r, AliyunProduct p, String region) {
    return r.resolve(p, region).baseUri().toString();
  }

  @Test
  void irregularEndpointsOfTheSdkMapsAreUsed() {
    assertThat(host(publicEndpoints, AliyunProduct.VPC, "cn-hangzhou")).isEqualTo("https://vpc.aliyuncs.com");
    assertThat(host(publicEndpoints, AliyunProduct.ECS, "cn-hangzhou")).isEqualTo("https://ecs-cn-hangzhou.aliyuncs.com");
    assertThat(host(publicEndpoints, AliyunProduct.ECS, "cn-north-2-gov-1")).isEqualTo("https://ecs.aliyuncs.com");
    assertThat(host(publicEndpoints, AliyunProduct.RDS, "cn-shanghai")).isEqualTo("https://rds.aliyuncs.com");
    assertThat(host(publicEndpoints, AliyunProduct.REDIS, "cn-beijing")).isEqualTo("https://r-kvstore.aliyuncs.com");
    assertThat(publicEndpoints.resolve(AliyunProduct.VPC, "cn-hangzhou").source()).isEqualTo("SDK endpoint map");
  }

  @Test
  void otherRegionsFollowTheRegionalRule() {
    assertThat(host(publicEndpoints, AliyunProduct.VPC, "cn-shanghai")).isEqualTo("https://vpc.cn-shanghai.aliyuncs.com");
    assertThat(host(publicEndpoints, AliyunProduct.ECS, "ap-southeast-1"))
        .isEqualTo("https://ecs.ap-southeast-1.aliyuncs.com");
    assertThat(host(publicEndpoints, AliyunProduct.RDS, "eu-central-1")).isEqualTo("https://rds.eu-central-1.aliyuncs.com");
    assertThat(host(publicEndpoints, AliyunProduct.REDIS, "cn-shenzhen"))
        .isEqualTo("https://r-kvstore.cn-shenzhen.aliyuncs.com");
    assertThat(host(publicEndpoints, AliyunProduct.EAS, "cn-hangzhou")).isEqualTo("https://pai-eas.cn-hangzhou.aliyuncs.com");
    assertThat(host(publicEndpoints, AliyunProduct.EAS, "cn-shanghai-finance-1"))
        .isEqualTo("https://pai-eas.cn-shanghai-finance-1.aliyuncs.com");
  }

  @Test
  void vpcInternalEndpointsUseTheVpcRuleAndEasItsManageHost() {
    assertThat(host(vpcEndpoints, AliyunProduct.VPC, "cn-hangzhou")).isEqualTo("https://vpc-vpc.cn-hangzhou.aliyuncs.com");
    assertThat(host(vpcEndpoints, AliyunProduct.ECS, "cn-hangzhou")).isEqualTo("https://ecs-vpc.cn-hangzhou.aliyuncs.com");
    assertThat(host(vpcEndpoints, AliyunProduct.EAS, "cn-shanghai"))
        .isEqualTo("https://pai-eas-manage-vpc.cn-shanghai.aliyuncs.com");
  }

  @Test
  void anOverrideWinsAndLoopbackMayUsePlainHttp() {
    EndpointResolver r = new EndpointResolver(true, Map.of(AliyunProduct.ECS, URI.create("http://127.0.0.1:8089/")));
    EndpointResolver.Endpoint e = r.resolve(AliyunProduct.ECS, "cn-hangzhou");
    assertThat(e.baseUri()).isEqualTo(URI.create("http://127.0.0.1:8089"));
    assertThat(e.hostHeader()).isEqualTo("127.0.0.1:8089");
    assertThat(e.source()).isEqualTo("endpoint override");
    assertThat(r.resolve(AliyunProduct.VPC, "cn-hangzhou").baseUri().getHost()).isEqualTo("vpc-vpc.cn-hangzhou.aliyuncs.com");
    assertThat(EndpointResolver.checkOverride(AliyunProduct.EAS, URI.create("http://[::1]:9000")))
        .isEqualTo(URI.create("http://[::1]:9000"));
    assertThat(EndpointResolver.checkOverride(AliyunProduct.EAS, URI.create("http://localhost:9000")).getPort())
        .isEqualTo(9000);
    assertThat(new EndpointResolver(false, Map.of(AliyunProduct.EAS, URI.create("https://eas.example.com")))
        .resolve(AliyunProduct.EAS, "cn-hangzhou").hostHeader()).isEqualTo("eas.example.com");
  }

  @Test
  void plainHttpToAnythingButLoopbackIsRefusedWithTheFix() {
    assertThatThrownBy(() -> EndpointResolver.checkOverride(AliyunProduct.VPC, URI.create("http://vpc.aliyuncs.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http to vpc.aliyuncs.com")
        .hasMessageContaining("Fix: use https://vpc.aliyuncs.com");
    // a name that merely looks local is not trusted: it could resolve anywhere
    assertThatThrownBy(() -> EndpointResolver.checkOverride(AliyunProduct.VPC, URI.create("http://127.0.0.1.nip.io")))
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> EndpointResolver.checkOverride(AliyunProduct.VPC, URI.create("http://10.0.0.1:80")))
        .hasMessageContaining("loopback");
  }

  @Test
  void malformedOverridesAreRefused() {
    assertThatThrownBy(() -> EndpointResolver.checkOverride(AliyunProduct.ECS, URI.create("ecs.aliyuncs.com")))
        .hasMessageContaining("absolute https URI such as https://ecs.cn-shanghai.aliyuncs.com");
    assertThatThrownBy(() -> EndpointResolver.checkOverride(AliyunProduct.ECS, URI.create("ftp://h")))
        .hasMessageContaining("absolute https URI");
    assertThatThrownBy(() -> EndpointResolver.checkOverride(AliyunProduct.ECS, URI.create("https://h/api")))
        .hasMessageContaining("must not have a path");
    assertThatThrownBy(() -> EndpointResolver.checkOverride(AliyunProduct.ECS, URI.create("https://h?x=1")))
        .hasMessageContaining("query");
  }

  @Test
  void aBadRegionFailsSayingWhatWasTried() {
    assertThatThrownBy(() -> publicEndpoints.resolve(AliyunProduct.VPC, "Hangzhou"))
        .isInstanceOf(EasNetworkException.class)
        .hasMessageContaining("No endpoint for VPC in region \"Hangzhou\". Tried:")
        .hasMessageContaining("an endpoint override for VPC (none set)")
        .hasMessageContaining("\"Hangzhou\" is not a region id")
        .hasMessageContaining("Fix: pass a region id such as cn-hangzhou");
    assertThatThrownBy(() -> publicEndpoints.resolve(AliyunProduct.EAS, null))
        .hasMessageContaining("the region id is missing");
  }

  @Test
  void loopbackIsDecidedWithoutDns() {
    assertThat(Loopback.isLoopback("127.0.0.1")).isTrue();
    assertThat(Loopback.isLoopback("127.8.9.10")).isTrue();
    assertThat(Loopback.isLoopback("[::1]")).isTrue();
    assertThat(Loopback.isLoopback("LOCALHOST")).isTrue();
    assertThat(Loopback.isLoopback("100.100.100.200")).isFalse();
    assertThat(Loopback.isLoopback("example.com")).isFalse();
    assertThat(Loopback.isLoopback("")).isFalse();
  }
}
