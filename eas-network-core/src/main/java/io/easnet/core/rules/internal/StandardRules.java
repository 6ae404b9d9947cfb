package io.easnet.core.rules.internal;

import io.easnet.core.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/** The rules shipped with the library. */
public final class StandardRules {
  private StandardRules() {}

  /** A new list of every standard rule: the configuration rules, then the rules derived from path results. */
  public static List<Rule> all() {
    List<Rule> all = new ArrayList<>(List.of(
        new PartialNetworkingBlock(),
        new PlaceholderId(),
        new PartialBlockWithResourceGroup(),
        new ShadowedResourceGroupConfig(),
        new VpcNotFound(),
        new VSwitchExhaustedAtScale(),
        new VSwitchNearlyFull(),
        new GroupOpenOnAllPorts(),
        new GroupOpenOnSensitivePort(),
        new GroupSharedAcrossEnvironments(),
        new AllowlistSingleEasAddress(),
        new AllowlistAdmitsEverybody(),
        new AllowlistQuotaExceeded(),
        new AllowlistQuotaNear(),
        new IdleNatGateway(),
        new PublicOssEndpoint(),
        new PublicRegistryEndpoint(),
        new ExternalImageWithoutInternet(),
        new EnterpriseGroupWithoutEgress(),
        new TinyVSwitch(),
        new DLinkAuxVSwitchInOtherVpc(),
        new ResourceGroupNotFound(),
        new DuplicateServiceName(),
        new VSwitchOutsideVpcCidr(),
        new OverlappingVSwitches(),
        new GroupAboveRuleQuota(),
        new VSwitchInSeveralSnatEntries(),
        new SnatSourceMismatch(),
        new SnatIpNotGatewayEip(),
        new EcsAddressOutsideVSwitch(),
        new MisspeltServiceKey(),
        new InternetEndpointForVpcCallers(),
        new DedicatedGatewayScaleFromZero(),
        SuppressionRules.EXPIRED,
        SuppressionRules.UNUSED));
    all.addAll(PathRules.rules());
    return all;
  }
}
