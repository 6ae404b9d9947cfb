package io.easnet.core.spi;

import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;

/**
 * ApsaraDB RDS allowlists ({@code DBInstanceIPArray}). Actions: {@link CloudActions#RDS_DESCRIBE_INSTANCES},
 * {@link CloudActions#RDS_DESCRIBE_INSTANCE}, {@link CloudActions#RDS_DESCRIBE_ALLOWLISTS},
 * {@link CloudActions#RDS_MODIFY_SECURITY_IPS}.
 */
public interface RdsApi extends AllowlistApi<RdsInstanceId, RdsInstance> {}
