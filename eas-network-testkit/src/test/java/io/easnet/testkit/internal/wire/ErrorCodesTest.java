package io.easnet.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorCodesTest {

  @ParameterizedTest(name = "{0} at HTTP {1} is {2}")
  @CsvSource({
      // throttling: every Throttling* code, whatever the status
      "Throttling, 400, THROTTLED",
      "Throttling.User, 400, THROTTLED",
      "Throttling.Api, 400, THROTTLED",
      "Throttling, 503, THROTTLED",
      "throttling.user, 0, THROTTLED",
      // not found
      "InvalidVpcId.NotFound, 404, NOT_FOUND",
      "InvalidVSwitchId.NotFound, 404, NOT_FOUND",
      "InvalidSecurityGroupId.NotFound, 404, NOT_FOUND",
      "InvalidDBInstanceId.NotFound, 400, NOT_FOUND",
      "InvalidSnatIp.NotFound, 404, NOT_FOUND",
      "SecurityGroupRule.NotFound, 404, NOT_FOUND",
      "InvalidService.NotFound, 0, NOT_FOUND",
      // forbidden: permission and signature problems
      "Forbidden, 403, FORBIDDEN",
      "Forbidden.RAM, 403, FORBIDDEN",
      "Forbidden.RAM, 0, FORBIDDEN",
      "SignatureDoesNotMatch, 403, FORBIDDEN",
      "InvalidAccessKeyId.NotFound, 404, FORBIDDEN",
      "InvalidAccessKeyId.Inactive, 400, FORBIDDEN",
      "Forbidden.NoPermission, 403, FORBIDDEN",
      // quota
      "QuotaExceeded.SecurityIps, 400, QUOTA_EXCEEDED",
      "QuotaExceeded.PrivateIpAddress, 403, QUOTA_EXCEEDED",
      "AuthorizationLimitExceed, 403, QUOTA_EXCEEDED",
      "SecurityGroupLimitExceeded, 400, QUOTA_EXCEEDED",
      "Forbidden.SnatEntryCountLimited, 400, QUOTA_EXCEEDED",
      "SNAT_IP_POOL_COUNT_TOO_MANY, 400, QUOTA_EXCEEDED",
      "InvalidVSwitchId.IpNotEnough, 403, QUOTA_EXCEEDED",
      "InvalidVSwitchId.IpNotEnough, 0, QUOTA_EXCEEDED",
      // already exists
      "ServiceAlreadyExists, 0, ALREADY_EXISTS",
      "InvalidSnatEntry.AlreadyExist, 400, ALREADY_EXISTS",
      "Forbidden.SourceVSwitchId.Duplicated, 400, ALREADY_EXISTS",
      // conflict: the resource is busy; retry
      "OperationConflict, 400, CONFLICT",
      "Forbidden.OperationConflict, 400, CONFLICT",
      "TaskConflict, 400, CONFLICT",
      "IncorrectStatus, 400, CONFLICT",
      "IncorrectStatus.NatGateway, 400, CONFLICT",
      "IncorrectStatus.Vpc, 0, CONFLICT",
      "IncorrectVSwitchStatus, 400, CONFLICT",
      "IncorrectEipStatus, 400, CONFLICT",
      "IncorrectInstanceStatus, 403, CONFLICT",
      "OperationFailed.LastTokenProcessing, 400, CONFLICT",
      "LastTokenProcessing, 400, CONFLICT",
      "IncorrectStatus.NatGateway, 503, SERVER_ERROR",
      "IdempotentParameterMismatch, 400, INVALID_PARAMETER",
      "OperationUnsupported.CidrConflict, 400, INVALID_PARAMETER",
      // server errors: the codes, and any 5xx
      "InternalError, 500, SERVER_ERROR",
      "InternalError, 0, SERVER_ERROR",
      "ServiceUnavailable, 503, SERVER_ERROR",
      "ServiceUnavailable, 0, SERVER_ERROR",
      "UnknownError, 0, SERVER_ERROR",
      "InvalidParameter, 500, SERVER_ERROR",
      "InvalidVpcId.NotFound, 502, SERVER_ERROR",
      "'', 503, SERVER_ERROR",
      // invalid parameters and every other 4xx
      "MissingParameter, 400, INVALID_PARAMETER",
      "MissingParameter, 403, INVALID_PARAMETER",
      "InvalidParameter, 400, INVALID_PARAMETER",
      "InvalidParameter.Name.Malformed, 400, INVALID_PARAMETER",
      "InvalidParamter.Conflict, 403, INVALID_PARAMETER",
      "InvalidSecurityIPList.Malformed, 400, INVALID_PARAMETER",
      "InvalidSecurityIPList.Duplicate, 400, INVALID_PARAMETER",
      "Forbidden.SourceVSwitchId.IncludeHaVip, 400, INVALID_PARAMETER",
      "OperationUnsupported.CidrConflict, 400, INVALID_PARAMETER",
      "SomethingNew, 409, INVALID_PARAMETER",
      "'', 400, INVALID_PARAMETER",
      "'', 0, INVALID_PARAMETER",
  })
  void eachFamilyMapsToItsKind(String code, int status, Kind expected) {
    assertThat(ErrorCodes.kindOf(code, status)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is answered with HTTP {1}")
  @CsvSource({
      "InvalidVpcId.NotFound, 404",
      "Forbidden.RAM, 403",
      "SignatureDoesNotMatch, 403",
      "InternalError, 500",
      "ServiceUnavailable, 503",
      "Throttling.User, 400",
      "OperationConflict, 400",
      "AuthorizationLimitExceed, 400",
      "Forbidden.SourceVSwitchId.Duplicated, 400",
      "InvalidParameter, 400",
  })
  void aFakeAnswersEachCodeWithTheCloudsStatus(String code, int status) {
    assertThat(ErrorCodes.httpStatusOf(code)).isEqualTo(status);
    assertThat(ErrorCodes.kindOf(code, status)).as("the status keeps the kind")
        .isEqualTo(ErrorCodes.kindOf(code, 0));
  }

  @Test
  void conflictsAreRetryableAndParameterErrorsAreNot() {
    assertThat(io.easnet.core.CloudServiceException.builder("vpc:AssociateEipAddress", "IncorrectEipStatus",
        ErrorCodes.kindOf("IncorrectEipStatus", 400)).build().retryable()).isTrue();
    assertThat(io.easnet.core.CloudServiceException.builder("vpc:CreateSnatEntry", "IdempotentParameterMismatch",
        ErrorCodes.kindOf("IdempotentParameterMismatch", 400)).build().retryable()).isFalse();
  }

  @Test
  void surroundingBlanksAndCaseDoNotMatter() {
    assertThat(ErrorCodes.kindOf("  invalidvpcid.notfound ", 404)).isEqualTo(Kind.NOT_FOUND);
    assertThat(ErrorCodes.kindOf("FORBIDDEN.SOURCEVSWITCHID.DUPLICATED", 400)).isEqualTo(Kind.ALREADY_EXISTS);
  }

  @Test
  void aNullCodeIsRefusedWithAHint() {
    assertThatThrownBy(() -> ErrorCodes.kindOf(null, 400))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("pass \"\"");
  }

  @Test
  void aStatusOutsideHttpIsRefused() {
    assertThatThrownBy(() -> ErrorCodes.kindOf("Throttling", 600))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 599, was 600");
    assertThatThrownBy(() -> ErrorCodes.kindOf("Throttling", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was -1");
  }
}
