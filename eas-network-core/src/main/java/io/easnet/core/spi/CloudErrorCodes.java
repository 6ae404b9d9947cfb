package io.easnet.core.spi;

import io.easnet.core.CloudServiceException.Kind;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps an Alibaba Cloud error code and HTTP status to a {@link Kind}, so that every implementation of the port (the
 * Aliyun adapter, the testkit's fake cloud and emulator) classifies the same failure the same way.
 *
 * <p>The rules, applied in this order (codes compare case-insensitively):
 *
 * <ol>
 *   <li>{@code Throttling*} ({@code Throttling}, {@code Throttling.User}, {@code Throttling.Api}, …) is
 *       {@code THROTTLED}, whatever the status.
 *   <li>Any other code with a 5xx status is {@code SERVER_ERROR}.
 *   <li>A few documented codes whose family name misleads come next:
 *       {@code Forbidden.SourceVSwitchId.Duplicated} (the vSwitch is in a SNAT entry already) is
 *       {@code ALREADY_EXISTS}; {@code Forbidden.SnatEntryCountLimited}, {@code SNAT_IP_POOL_COUNT_TOO_MANY} and
 *       {@code InvalidVSwitchId.IpNotEnough} are {@code QUOTA_EXCEEDED}.
 *   <li>{@code InternalError*}, {@code ServiceUnavailable*} and {@code UnknownError} are {@code SERVER_ERROR} with
 *       any status.
 *   <li>"Busy, try again" codes are {@code CONFLICT}, which is retryable: {@code OperationConflict} and
 *       {@code TaskConflict} (alone or as a suffix, {@code Forbidden.OperationConflict}), {@code IncorrectStatus}
 *       and {@code IncorrectStatus.*} ({@code IncorrectStatus.NatGateway}), {@code Incorrect…Status}
 *       ({@code IncorrectVSwitchStatus}, {@code IncorrectEipStatus}, {@code IncorrectInstanceStatus}), and codes
 *       ending in {@code LastTokenProcessing} ({@code OperationFailed.LastTokenProcessing}: the same client token is
 *       still being processed). {@code IdempotentParameterMismatch} (a token reused with other parameters) is not
 *       a conflict but {@code INVALID_PARAMETER}.
 *   <li>{@code SignatureDoesNotMatch}, {@code InvalidAccessKeyId*} (including {@code InvalidAccessKeyId.NotFound})
 *       and codes containing {@code NoPermission} are {@code FORBIDDEN}.
 *   <li>Codes containing {@code QuotaExceed} or {@code LimitExceed} ({@code QuotaExceeded.*},
 *       {@code AuthorizationLimitExceed}, …) are {@code QUOTA_EXCEEDED}.
 *   <li>Codes containing {@code AlreadyExist} are {@code ALREADY_EXISTS}.
 *   <li>Codes ending in {@code NotFound} ({@code InvalidVpcId.NotFound}, …) are {@code NOT_FOUND}.
 *   <li>{@code Forbidden*} is {@code FORBIDDEN} with status 403 or an unknown status (0). With another 4xx status it is
 *       {@code INVALID_PARAMETER}: the VPC API answers refused state changes such as
 *       {@code Forbidden.SourceVSwitchId.IncludeHaVip} with HTTP 400, and those are no permission problem.
 *   <li>Everything else ({@code MissingParameter}, {@code InvalidParameter*}, {@code *.Malformed}, any other 4xx, or an
 *       unknown status) is {@code INVALID_PARAMETER}. A bare 403 is not taken as a permission error: ECS answers
 *       {@code MissingParameter} and {@code InvalidParamter.Conflict} with 403 too.
 * </ol>
 *
 * <p>The {@code x-acs-retry-after} header marks throttling as well; that header is the HTTP client's to read, not
 * this class's.
 */
public final class CloudErrorCodes {
  private static final Map<String, Kind> DOCUMENTED = Map.of(
      "forbidden.sourcevswitchid.duplicated", Kind.ALREADY_EXISTS,
      "forbidden.snatentrycountlimited", Kind.QUOTA_EXCEEDED,
      "snat_ip_pool_count_too_many", Kind.QUOTA_EXCEEDED,
      "invalidvswitchid.ipnotenough", Kind.QUOTA_EXCEEDED);

  private static final java.util.regex.Pattern INCORRECT_STATUS =
      java.util.regex.Pattern.compile("(.*\\.)?incorrect[a-z]*status(\\..*)?");

  private CloudErrorCodes() {}

  /**
   * The kind of failure an error code and HTTP status mean.
   *
   * @param code the {@code Code} of the error body; may be empty when the body had none
   * @param httpStatus the HTTP status, or 0 when the failure did not come over HTTP
   * @return the kind; never null
   * @throws NullPointerException when {@code code} is null
   * @throws IllegalArgumentException when {@code httpStatus} is outside 0 to 599
   */
  public static Kind kindOf(String code, int httpStatus) {
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
    Kind documented = DOCUMENTED.get(c);
    if (documented != null) {
      return documented;
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

  /**
   * The HTTP status Alibaba Cloud answers a code with, for a fake or emulator that must answer as the cloud does:
   * 404 for {@code NOT_FOUND}, 403 for {@code FORBIDDEN}, 500 for {@code SERVER_ERROR} ({@code ServiceUnavailable}
   * 503), and 400 for the rest ({@code Throttling*}, conflicts, quotas and invalid parameters are HTTP 400). The kind
   * of the pair is the kind of the code: {@code kindOf(code, httpStatusOf(code)) == kindOf(code, 0)} for every code.
   */
  public static int httpStatusOf(String code) {
    Kind kind = kindOf(code, 0);
    String c = code.trim().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case NOT_FOUND -> 404;
      case FORBIDDEN -> 403;
      case SERVER_ERROR -> c.startsWith("serviceunavailable") ? 503 : 500;
      default -> 400;
    };
  }
}
