package io.easnet.core.spi;

import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.ResourceId.NatGatewayId;
import org.immutables.value.Value;

/**
 * The arguments of {@link VpcApi#associateEip} and {@link VpcApi#unassociateEip}
 * ({@code AssociateEipAddress} / {@code UnassociateEipAddress} with {@code InstanceType} {@code Nat}): one EIP and one
 * NAT gateway. Every build without {@code clientToken} draws a fresh {@link ClientToken}: retry with the same object.
 */
@Value.Immutable
public abstract class EipAssociationRequest {
  EipAssociationRequest() {}

  /** The EIP ({@code AllocationId}). */
  public abstract EipAllocationId eipId();

  /** The NAT gateway ({@code InstanceId}). */
  public abstract NatGatewayId natGatewayId();

  /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
  @Value.Default
  public ClientToken clientToken() {
    return ClientToken.random();
  }

  /** A request with a fresh token. */
  public static EipAssociationRequest of(EipAllocationId eip, NatGatewayId nat) {
    return builder().eipId(eip).natGatewayId(nat).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link EipAssociationRequest}. */
  public static final class Builder extends ImmutableEipAssociationRequest.Builder {
    Builder() {}

    /** Sets the idempotency token from text (at most 64 ASCII characters). */
    public Builder clientToken(String token) {
      return clientToken(ClientToken.of(token));
    }
  }
}
