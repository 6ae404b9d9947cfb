package io.easnet.core.rules.internal;

import io.easnet.core.rules.Rule;
import java.util.List;

/** The rules shipped with the library. */
public final class StandardRules {
  private StandardRules() {}

  /** A new list of every standard rule. */
  public static List<Rule> all() {
    return List.of(
        new PartialNetworkingBlock(),
        new PlaceholderId(),
        new PartialBlockWithResourceGroup(),
        new ShadowedResourceGroupConfig(),
        new VpcNotFound(),
        new VSwitchNotFound(),
        new SecurityGroupNotFound(),
        new VSwitchOutsideVpc(),
        new SecurityGroupOutsideVpc(),
        new VSwitchExhaustedAtScale(),
        new VSwitchNearlyFull(),
        new GroupOpenOnAllPorts(),
        new GroupOpenOnSensitivePort(),
        new GroupSharedAcrossEnvironments(),
        new AllowlistSingleEasAddress(),
        new AllowlistAdmitsEverybody(),
        new AllowlistQuotaExceeded(),
        new AllowlistQuotaNear(),
        new InternetIntentWithoutEgress(),
        new IdleNatGateway(),
        new PublicOssEndpoint(),
        new PublicRegistryEndpoint(),
        new ExternalImageWithoutInternet(),
        new EnterpriseGroupWithoutEgress(),
        new TinyVSwitch(),
        new DLinkAuxVSwitchInOtherVpc(),
        new PrivateTargetNotFound(),
        new PrivateTargetInOtherVpc(),
        new TargetAllowlistMissesVSwitch(),
        new EasEgressDeniesTarget(),
        new IntentWithoutVpc(),
        new ResourceGroupNotFound(),
        new DuplicateServiceName(),
        new VSwitchOutsideVpcCidr(),
        new OverlappingVSwitches(),
        new GroupAboveRuleQuota(),
        new VSwitchInSeveralSnatEntries(),
        new SnatSourceMismatch(),
        new SnatIpNotGatewayEip(),
        new EcsAddressOutsideVSwitch(),
        SuppressionRules.EXPIRED,
        SuppressionRules.UNUSED);
  }
}
