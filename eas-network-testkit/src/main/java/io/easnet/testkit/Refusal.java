package io.easnet.testkit;

import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.spi.CloudErrorCodes;

/**
 * A refusal of the fake's state, turned into a {@code CloudServiceException} with the action by {@link FakeCloud}.
 *
 * <p>The kind a refusal states must be the kind {@link CloudErrorCodes} gives its code, so the fake and the Aliyun
 * adapter classify the same code alike; the constructor checks it.
 *
 * <p>Codes confirmed in Alibaba's API reference: {@code InvalidVpcId.NotFound}, {@code InvalidVSwitchId.NotFound},
 * {@code InvalidNatGatewayId.NotFound}, {@code InvalidSnatTableId.NotFound}, {@code InvalidSnatIp.NotFound},
 * {@code Forbidden.SourceVSwitchId.Duplicated} (CreateSnatEntry); {@code InvalidSecurityGroupId.NotFound},
 * {@code AuthorizationLimitExceed}, {@code InvalidInstanceId.NotFound}, {@code InvalidVSwitchId.IpNotEnough} (ECS);
 * {@code InvalidDBInstanceId.NotFound}, {@code InvalidSecurityIPList.Malformed} (RDS); {@code InvalidParameter},
 * {@code MissingParameter} (common). Not confirmed, kept because they follow the products' naming and map to the
 * intended kind: {@code InvalidVSwitchId.NotInVpc}, {@code InvalidParam.SecurityGroupType},
 * {@code InvalidSecurityIPArrayName.Malformed}, {@code InvalidSecurityIPArrayName.NotFound},
 * {@code InvalidSecurityIPList.AtLeastOne}, {@code QuotaExceeded.SecurityIps}, {@code InvalidInstanceId.NotFound}
 * for Redis, and the EAS codes {@code InvalidService.NotFound}, {@code ServiceAlreadyExists},
 * {@code InvalidResource.NotFound}.
 */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String code;
  final Kind kind;

  Refusal(String code, Kind kind, String message) {
    super(message, null, false, false);
    Kind mapped = CloudErrorCodes.kindOf(code, 0);
    if (mapped != kind) {
      throw new IllegalStateException("the fake refuses with " + code + " as " + kind + ", but CloudErrorCodes maps "
          + code + " to " + mapped + "; pick a code of the intended family");
    }
    this.code = code;
    this.kind = kind;
  }

  static Refusal notFound(String code, String message) {
    return new Refusal(code, Kind.NOT_FOUND, message);
  }

  static Refusal invalid(String code, String message) {
    return new Refusal(code, Kind.INVALID_PARAMETER, message);
  }
}
