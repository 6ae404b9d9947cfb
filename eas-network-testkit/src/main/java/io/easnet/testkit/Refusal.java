package io.easnet.testkit;

import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.CloudServiceException;
import io.easnet.testkit.internal.wire.ErrorCodes;
import java.util.Objects;

/**
 * A refusal of the fake's state: Alibaba's error code, message and HTTP status. The fake's in-memory face turns it
 * into a {@link CloudServiceException} with the action; a wire face serves it as Alibaba's error JSON with the same
 * status. The kind is never stated here: it is {@link ErrorCodes#kindOf(String, int)} of the code and status,
 * and the status is {@link ErrorCodes#httpStatusOf(String)} unless given, so the one mapping decides.
 *
 * <p>Codes confirmed in Alibaba's API reference: {@code InvalidVpcId.NotFound}, {@code InvalidVSwitchId.NotFound},
 * {@code InvalidNatGatewayId.NotFound}, {@code InvalidSnatTableId.NotFound}, {@code InvalidSnatIp.NotFound},
 * {@code Forbidden.SourceVSwitchId.Duplicated} (CreateSnatEntry); {@code InvalidSecurityGroupId.NotFound},
 * {@code AuthorizationLimitExceed}, {@code InvalidInstanceId.NotFound}, {@code InvalidVSwitchId.IpNotEnough} (ECS);
 * {@code InvalidDBInstanceId.NotFound}, {@code InvalidSecurityIPList.Malformed} (RDS); {@code InvalidParameter},
 * {@code MissingParameter}, {@code Throttling} (common). Not confirmed, kept because they follow the products'
 * naming and map to the intended kind: {@code InvalidVSwitchId.NotInVpc}, {@code InvalidParam.SecurityGroupType},
 * {@code InvalidSecurityIPArrayName.Malformed}, {@code InvalidSecurityIPArrayName.NotFound},
 * {@code InvalidSecurityIPList.AtLeastOne}, {@code QuotaExceeded.SecurityIps}, {@code InvalidInstanceId.NotFound}
 * for Redis, the VPC codes {@code IncorrectStatus.NatGateway}, {@code IncorrectEipStatus},
 * {@code InvalidCIDRBlock.Duplicate}, {@code InvalidRouteTableId.NotFound}, {@code InvalidAllocationId.NotFound},
 * {@code DependencyViolation.SnatEntry}, {@code IdempotentParameterMismatch}, and the EAS codes
 * {@code InvalidService.NotFound}, {@code ServiceAlreadyExists} and {@code InvalidResource.NotFound}.
 */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int httpStatus;
  private final long retryAfterMillis;

  private Refusal(String code, int httpStatus, String message, long retryAfterMillis) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.httpStatus = httpStatus;
    this.retryAfterMillis = retryAfterMillis;
  }

  /** A refusal with the HTTP status the cloud answers {@code code} with. */
  static Refusal of(String code, String message) {
    return new Refusal(code, ErrorCodes.httpStatusOf(code), message, 0);
  }

  /** A refusal with an explicit HTTP status (for injected faults that mimic a particular answer). */
  static Refusal of(String code, int httpStatus, String message) {
    return new Refusal(code, httpStatus, message, 0);
  }

  /** This refusal with a retry-after (the wire's {@code x-acs-retry-after}); zero for none. */
  Refusal retryAfter(java.time.Duration after) {
    return new Refusal(code, httpStatus, getMessage(), after.toMillis());
  }

  /** The retry-after in milliseconds; 0 when the refusal carries none. */
  long retryAfterMillis() {
    return retryAfterMillis;
  }

  /** Alibaba's error code. */
  String code() {
    return code;
  }

  /** The HTTP status the cloud answers with. */
  int httpStatus() {
    return httpStatus;
  }

  /** The kind, as {@link ErrorCodes} maps the code and status. */
  Kind kind() {
    return ErrorCodes.kindOf(code, httpStatus);
  }

  /** The exception the in-memory face throws for this refusal of {@code action}. */
  CloudServiceException toException(String action, String requestId) {
    CloudServiceException.Builder b = CloudServiceException.builder(action, code, kind()).message(getMessage())
        .httpStatus(httpStatus).requestId(requestId);
    if (retryAfterMillis > 0) {
      b.retryAfterSeconds((int) Math.min(Integer.MAX_VALUE, (retryAfterMillis + 999) / 1000));
    }
    return b.build();
  }
}
