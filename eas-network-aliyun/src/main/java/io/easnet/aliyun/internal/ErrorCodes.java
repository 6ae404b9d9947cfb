package io.easnet.aliyun.internal;

import io.easnet.core.CloudServiceException.Kind;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The adapter's table of Alibaba Cloud error codes: the kind of failure a code and HTTP status mean
 * (docs/wire.md §8). The testkit's fake and emulator keep their own table ({@code io.easnet.testkit.internal.wire
 * .ErrorCodes}) on purpose: the two sides share no wire code, so that a wrong code on one cannot hide behind the same
 * mistake on the other; {@code ErrorCodesAgreementTest} proves they agree on every code either one knows.
 */
final class ErrorCodes {
  private ErrorCodes() {}

  /**
   * The codes this side knows by name, each with the kind it has under any 4xx status or none (0): the codes the
   * fake answers and the documented ones whose family name misleads. A code absent here falls to the family rules
   * of {@link #kindOf}. docs/wire.md §8 lists them with their public sources.
   */
  static final Map<String, Kind> TABLE = table(
      // throttling (also every other Throttling* code, whatever the status)
      "Throttling", Kind.THROTTLED,
      "Throttling.User", Kind.THROTTLED,
      "Throttling.Api", Kind.THROTTLED,
      // not found
      "InvalidVpcId.NotFound", Kind.NOT_FOUND,
      "InvalidVSwitchId.NotFound", Kind.NOT_FOUND,
      "InvalidSecurityGroupId.NotFound", Kind.NOT_FOUND,
      "InvalidInstanceId.NotFound", Kind.NOT_FOUND,
      "InvalidDBInstanceId.NotFound", Kind.NOT_FOUND,
      "InvalidNatGatewayId.NotFound", Kind.NOT_FOUND,
      "InvalidSnatTableId.NotFound", Kind.NOT_FOUND,
      "InvalidSnatEntryId.NotFound", Kind.NOT_FOUND,
      "InvalidSnatIp.NotFound", Kind.NOT_FOUND,
      "InvalidRouteTableId.NotFound", Kind.NOT_FOUND,
      "InvalidRouteEntryId.NotFound", Kind.NOT_FOUND,
      "InvalidAllocationId.NotFound", Kind.NOT_FOUND,
      "InvalidSecurityIPArrayName.NotFound", Kind.NOT_FOUND,
      "InvalidService.NotFound", Kind.NOT_FOUND,
      "InvalidResource.NotFound", Kind.NOT_FOUND,
      "SecurityGroupRule.NotFound", Kind.NOT_FOUND,
      "InvalidAction.NotFound", Kind.NOT_FOUND,
      "InvalidApi.NotFound", Kind.NOT_FOUND,
      "InvalidProduct.NotFound", Kind.NOT_FOUND,
      // permission and signature
      "SignatureDoesNotMatch", Kind.FORBIDDEN,
      "InvalidAccessKeyId.NotFound", Kind.FORBIDDEN,
      "InvalidAccessKeyId.Inactive", Kind.FORBIDDEN,
      "Forbidden.NoPermission", Kind.FORBIDDEN,
      // quotas
      "QuotaExceeded.SecurityIps", Kind.QUOTA_EXCEEDED,
      "QuotaExceeded.PrivateIpAddress", Kind.QUOTA_EXCEEDED,
      "AuthorizationLimitExceed", Kind.QUOTA_EXCEEDED,
      "SecurityGroupLimitExceeded", Kind.QUOTA_EXCEEDED,
      "Forbidden.SnatEntryCountLimited", Kind.QUOTA_EXCEEDED,
      "SNAT_IP_POOL_COUNT_TOO_MANY", Kind.QUOTA_EXCEEDED,
      "InvalidVSwitchId.IpNotEnough", Kind.QUOTA_EXCEEDED,
      // already exists
      "ServiceAlreadyExists", Kind.ALREADY_EXISTS,
      "InvalidIpAddress.AlreadyExist", Kind.ALREADY_EXISTS,
      "InvalidSnatEntry.AlreadyExist", Kind.ALREADY_EXISTS,
      "Forbidden.SourceVSwitchId.Duplicated", Kind.ALREADY_EXISTS,
      // busy: retry
      "OperationConflict", Kind.CONFLICT,
      "Forbidden.OperationConflict", Kind.CONFLICT,
      "TaskConflict", Kind.CONFLICT,
      "IncorrectStatus", Kind.CONFLICT,
      "IncorrectStatus.NatGateway", Kind.CONFLICT,
      "IncorrectVSwitchStatus", Kind.CONFLICT,
      "IncorrectEipStatus", Kind.CONFLICT,
      "IncorrectInstanceStatus", Kind.CONFLICT,
      "OperationFailed.LastTokenProcessing", Kind.CONFLICT,
      // server errors
      "InternalError", Kind.SERVER_ERROR,
      "ServiceUnavailable", Kind.SERVER_ERROR,
      "UnknownError", Kind.SERVER_ERROR,
      // invalid parameters
      "IdempotentParameterMismatch", Kind.INVALID_PARAMETER,
      "MissingParameter", Kind.INVALID_PARAMETER,
      "InvalidParameter", Kind.INVALID_PARAMETER,
      "InvalidParameter.Format", Kind.INVALID_PARAMETER,
      "InvalidParamter.Conflict", Kind.INVALID_PARAMETER,
      "InvalidParam.SecurityGroupType", Kind.INVALID_PARAMETER,
      "InvalidCidrBlock.Malformed", Kind.INVALID_PARAMETER,
      "InvalidCidrBlock.Overlapped", Kind.INVALID_PARAMETER,
      "InvalidCIDRBlock.Duplicate", Kind.INVALID_PARAMETER,
      "InvalidPrivateIpAddress.Malformed", Kind.INVALID_PARAMETER,
      "InvalidPrivateIpAddress.Duplicated", Kind.INVALID_PARAMETER,
      "InvalidSecurityIPList.Malformed", Kind.INVALID_PARAMETER,
      "InvalidSecurityIPList.Duplicate", Kind.INVALID_PARAMETER,
      "InvalidSecurityIPList.AtLeastOne", Kind.INVALID_PARAMETER,
      "InvalidSecurityIPArrayName.Malformed", Kind.INVALID_PARAMETER,
      "InvalidVSwitchId.NotInVpc", Kind.INVALID_PARAMETER,
      "InvalidSecurityGroupId.NotInVpc", Kind.INVALID_PARAMETER,
      "InvalidNextHop.NotInVpc", Kind.INVALID_PARAMETER,
      "InvalidTimeStamp.Format", Kind.INVALID_PARAMETER,
      "InvalidTimeStamp.Expired", Kind.INVALID_PARAMETER,
      "InvalidSignatureMethod", Kind.INVALID_PARAMETER,
      "IncompleteSignature", Kind.INVALID_PARAMETER,
      "SignatureNonceUsed", Kind.INVALID_PARAMETER,
      "InvalidVersion", Kind.INVALID_PARAMETER,
      "OperationDenied", Kind.INVALID_PARAMETER,
      "OperationLocks", Kind.INVALID_PARAMETER,
      "OperationUnsupported.CidrConflict", Kind.INVALID_PARAMETER);

  private static final Map<String, Kind> BY_LOWER_CASE = lowerCase(TABLE);

  private static final Pattern INCORRECT_STATUS = Pattern.compile("(.*\\.)?incorrect[a-z]*status(\\..*)?");

  /**
   * The kind of failure an error code and HTTP status mean. The rules, in this order (codes compare
   * case-insensitively, surrounding blanks ignored): {@code Throttling*} is {@code THROTTLED} whatever the status;
   * any other code with a 5xx status is {@code SERVER_ERROR}; a code of {@link #TABLE} has its kind; then the
   * families: {@code InternalError*}, {@code ServiceUnavailable*}, {@code UnknownError} are {@code SERVER_ERROR};
   * {@code OperationConflict}, {@code TaskConflict} (alone or as a suffix), {@code IncorrectStatus[.*]},
   * {@code Incorrect…Status[.*]} and {@code …LastTokenProcessing} are {@code CONFLICT} (busy, retryable);
   * {@code SignatureDoesNotMatch}, {@code InvalidAccessKeyId*} and {@code …NoPermission…} are {@code FORBIDDEN};
   * {@code …QuotaExceed…} and {@code …LimitExceed…} are {@code QUOTA_EXCEEDED}; {@code …AlreadyExist…} is
   * {@code ALREADY_EXISTS}; {@code …NotFound} is {@code NOT_FOUND}; {@code Forbidden*} is {@code FORBIDDEN} with
   * status 403 or none (0) and {@code INVALID_PARAMETER} with another 4xx (the VPC API refuses state changes such as
   * {@code Forbidden.SourceVSwitchId.IncludeHaVip} with 400); everything else is {@code INVALID_PARAMETER} (a bare 403
   * is no permission error: ECS answers {@code MissingParameter} with 403 too).
   *
   * @param code the {@code Code} of the error body; may be empty when the body had none
   * @param httpStatus the HTTP status, or 0 when the failure did not come over HTTP
   * @return the kind; never null
   * @throws NullPointerException when {@code code} is null
   * @throws IllegalArgumentException when {@code httpStatus} is outside 0 to 599
   */
  static Kind kindOf(String code, int httpStatus) {
    Objects.requireNonNull(code, "code must not be null; pass \"\" when the error body had none");
    if (httpStatus < 0 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be between 0 and 599, was " + httpStatus);
    }
    String c = code.trim().toLowerCase(Locale.ROOT);
    if (c.startsWith("throttling")) {
      return Kind.THROTTLED;
    }
    if (httpStatus >= 500) {
      return Kind.SERVER_ERROR;
    }
    Kind known = BY_LOWER_CASE.get(c);
    if (known != null) {
      return known;
    }
    if (c.startsWith("internalerror") || c.startsWith("serviceunavailable") || c.equals("unknownerror")) {
      return Kind.SERVER_ERROR;
    }
    if (isConflict(c)) {
      return Kind.CONFLICT;
    }
    if (c.equals("signaturedoesnotmatch") || c.startsWith("invalidaccesskeyid") || c.contains("nopermission")) {
      return Kind.FORBIDDEN;
    }
    if (c.contains("quotaexceed") || c.contains("limitexceed")) {
      return Kind.QUOTA_EXCEEDED;
    }
    if (c.contains("alreadyexist")) {
      return Kind.ALREADY_EXISTS;
    }
    if (c.endsWith("notfound")) {
      return Kind.NOT_FOUND;
    }
    if (c.startsWith("forbidden") && (httpStatus == 0 || httpStatus == 403)) {
      return Kind.FORBIDDEN;
    }
    return Kind.INVALID_PARAMETER;
  }

  private static boolean isConflict(String c) {
    String last = c.substring(c.lastIndexOf('.') + 1);
    return last.equals("operationconflict") || last.equals("taskconflict") || c.endsWith("lasttokenprocessing")
        || c.equals("incorrectstatus") || c.startsWith("incorrectstatus.") || INCORRECT_STATUS.matcher(c).matches();
  }

  private static Map<String, Kind> table(Object... pairs) {
    Map<String, Kind> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (m.put((String) pairs[i], (Kind) pairs[i + 1]) != null) {
        throw new IllegalStateException("error code " + pairs[i] + " is in the table twice");
      }
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Kind> lowerCase(Map<String, Kind> table) {
    Map<String, Kind> m = new HashMap<>();
    table.forEach((code, kind) -> m.put(code.toLowerCase(Locale.ROOT), kind));
    return Map.copyOf(m);
  }
}
