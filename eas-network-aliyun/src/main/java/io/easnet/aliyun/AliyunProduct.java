package io.easnet.aliyun;

/** The Alibaba Cloud products the adapter calls, each with its API version and style. */
public enum AliyunProduct {
  /** Virtual Private Cloud: VPCs, vSwitches, NAT gateways, SNAT entries, EIPs, route tables (RPC). */
  VPC("vpc", "2016-04-28", false),
  /** Elastic Compute Service: security groups and instances (RPC). */
  ECS("ecs", "2014-05-26", false),
  /** ApsaraDB RDS: instances and IP allowlists (RPC). */
  RDS("rds", "2014-08-15", false),
  /** Tair / ApsaraDB for Redis (product code r-kvstore): instances and IP allowlists (RPC). */
  REDIS("r-kvstore", "2015-01-01", false),
  /** PAI Elastic Algorithm Service: services and resource-group VPC direct connection (ROA). */
  EAS("pai-eas", "2021-07-01", true),
  /** Security Token Service: AssumeRole and AssumeRoleWithOIDC for temporary credentials (RPC). */
  STS("sts", "2015-04-01", false);

  private final String endpointPrefix;
  private final String apiVersion;
  private final boolean roa;

  AliyunProduct(String endpointPrefix, String apiVersion, boolean roa) {
    this.endpointPrefix = endpointPrefix;
    this.apiVersion = apiVersion;
    this.roa = roa;
  }

  /** The API version sent as {@code x-acs-version}, for example {@code 2016-04-28}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** True for ROA-style products (resource paths and JSON bodies), false for RPC style (actions and parameters). */
  public boolean roaStyle() {
    return roa;
  }

  /** The first label of the product's regional endpoint host, for example {@code vpc} or {@code pai-eas}. */
  public String endpointPrefix() {
    return endpointPrefix;
  }
}
