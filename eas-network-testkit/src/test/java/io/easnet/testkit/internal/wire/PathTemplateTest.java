package io.easnet.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** ROA path templates, percent-decoding, and the operation table's own consistency. */
class PathTemplateTest {
  private final PathTemplate service = PathTemplate.of("/api/v2/services/{ClusterId}/{ServiceName}");

  @Test
  void parametersAreDecodedAfterTheLiteralSlashesSplitThePath() {
    assertThat(service.match("/api/v2/services/cn-hangzhou/a%2Fb%20c")).isEqualTo(
        Map.of("ClusterId", "cn-hangzhou", "ServiceName", "a/b c"));
    assertThat(service.match("/api/v2/services/cn-hangzhou/a+b")).containsEntry("ServiceName", "a+b");
    assertThat(service.match("/api/v2/services/cn-hangzhou/echo/")).containsEntry("ServiceName", "echo");
    assertThat(service.match("/api/v2/services/cn-hangzhou/%E6%9C%8D%E5%8A%A1")).containsEntry("ServiceName", "服务");
  }

  @Test
  void aDifferentShapeDoesNotMatch() {
    assertThat(service.match("/api/v2/services/cn-hangzhou")).isNull();
    assertThat(service.match("/api/v2/services/cn-hangzhou/echo/start")).isNull();
    assertThat(service.match("/api/v2/services//echo")).isNull();
    assertThat(service.match("/api/v2/service/cn-hangzhou/echo")).isNull();
    assertThat(service.match("/api/v2/services/cn-hangzhou/%zz")).isNull();
  }

  @Test
  void distanceCountsLiteralEditsAndMissingSegments() {
    assertThat(service.distance("/api/v2/services/a/b")).isZero();
    assertThat(service.distance("/api/v2/service/a/b")).isEqualTo(1);
    assertThat(service.distance("/api/v2/services/a")).isEqualTo(2);
  }

  @Test
  void percentEncodingRoundTripsAndRefusesBrokenEscapes() {
    String text = "a b+c*d~e/é😀";
    assertThat(Percent.encode(text)).isEqualTo("a%20b%2Bc%2Ad~e%2F%C3%A9%F0%9F%98%80");
    assertThat(Percent.decode(Percent.encode(text), false)).isEqualTo(text);
    assertThat(Percent.decode("a+b", true)).isEqualTo("a b");
    assertThat(Percent.decode("a+b", false)).isEqualTo("a+b");
    assertThatThrownBy(() -> Percent.decode("100%", false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset 3").hasMessageContaining("%25");
  }

  @Test
  void theTableHoldsEveryAdapterActionOnceAndTheRouteEntryList() {
    java.util.List<String> expected = new java.util.ArrayList<>(io.easnet.core.spi.CloudActions.all());
    expected.add("vpc:DescribeRouteEntryList"); // the entries of a route table, recorded as DescribeRouteTableList
    assertThat(OperationTable.all().stream().map(OperationSpec::name)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(OperationTable.byName("eas:UpdateResourceDLink").describe())
        .isEqualTo("PUT /api/v2/resources/{ClusterId}/{ResourceId}/dlink (eas 2021-07-01 UpdateResourceDLink)");
    assertThat(OperationTable.byName("vpc:DescribeEipAddresses").paging().maximumSize()).isEqualTo(100);
    assertThatThrownBy(() -> OperationTable.byName("vpc:Nope")).hasMessageContaining("vpc:DescribeVpcs");
  }

  @Test
  void productsComeFromTheirEndpointHosts() {
    assertThat(Product.fromHost("ecs-cn-hangzhou.aliyuncs.com")).isEqualTo(Product.ECS);
    assertThat(Product.fromHost("vpc.aliyuncs.com:443")).isEqualTo(Product.VPC);
    assertThat(Product.fromHost("r-kvstore.aliyuncs.com")).isEqualTo(Product.KVSTORE);
    assertThat(Product.fromHost("pai-eas.cn-shanghai.aliyuncs.com")).isEqualTo(Product.EAS);
    assertThat(Product.fromHost("vpc.example.com")).isNull();
    assertThat(Product.fromHost("127.0.0.1:8080")).isNull();
  }
}
