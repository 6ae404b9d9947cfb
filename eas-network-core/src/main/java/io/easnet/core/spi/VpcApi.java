package io.easnet.core.spi;

import io.easnet.core.spi.CloudPort.ClientToken;
import io.easnet.core.model.Eip;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.IpAddress;

/**
 * The VPC product: reads of the network, and the writes the remedies need (SNAT entries, routes, EIP bindings, NAT
 * gateways, EIPs). Thread-safe. Every write takes a request that carries a {@link ClientToken}: the same token twice
 * acts once. Lists return every page.
 */
public interface VpcApi {
  /** Every VPC of the region ({@link CloudActions#DESCRIBE_VPCS}). */
  List<Vpc> describeVpcs();

  /**
   * One VPC ({@link CloudActions#DESCRIBE_VPCS} with a {@code VpcId} filter).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when it does not exist
   */
  Vpc describeVpc(VpcId id);

  /** The vSwitches of a VPC, with their free address counts ({@link CloudActions#DESCRIBE_VSWITCHES}). */
  List<VSwitch> describeVSwitches(VpcId vpc);

  /**
   * One vSwitch ({@link CloudActions#DESCRIBE_VSWITCHES} with a {@code VSwitchId} filter).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when it does not exist
   */
  VSwitch describeVSwitch(VSwitchId id);

  /** The NAT gateways of a VPC with their bound EIPs and SNAT tables ({@link CloudActions#DESCRIBE_NAT_GATEWAYS}). */
  List<NatGateway> describeNatGateways(VpcId vpc);

  /**
   * One NAT gateway with its {@link NatGateway#status()} ({@code Creating}, {@code Available}, {@code Modifying},
   * {@code Deleting}; {@link CloudActions#DESCRIBE_NAT_GATEWAYS} with a {@code NatGatewayId} filter), for polling
   * after {@link #createNatGateway}.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when it does not exist
   */
  NatGateway describeNatGateway(NatGatewayId id);

  /**
   * The SNAT entries of a NAT gateway, in every state ({@link CloudActions#DESCRIBE_SNAT_ENTRIES}).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when the gateway does not exist
   */
  List<SnatEntry> describeSnatEntries(NatGatewayId nat);

  /**
   * One SNAT entry with its {@link SnatEntry#status()} ({@code Pending}, {@code Available}, {@code Deleting};
   * {@link CloudActions#DESCRIBE_SNAT_ENTRIES} with a {@code SnatEntryId} filter), for polling after
   * {@link #createSnatEntry} or {@link #deleteSnatEntry}.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when the table does not exist or holds no such
   *     entry (a deleted entry is gone)
   */
  SnatEntry describeSnatEntry(SnatTableId table, SnatEntryId entry);

  /** The EIPs bound to a NAT gateway ({@link CloudActions#DESCRIBE_EIPS}); empty when none is. */
  List<Eip> describeEips(NatGatewayId nat);

  /**
   * Every EIP of the region, bound or not ({@link CloudActions#DESCRIBE_EIPS} without a filter): the unbound ones
   * ({@code Available}) are what a remedy binds before it allocates a new, billed one.
   */
  List<Eip> describeEips();

  /**
   * The route tables of a VPC with their entries, the system table included
   * ({@link CloudActions#DESCRIBE_ROUTE_TABLES}).
   */
  List<RouteTable> describeRouteTables(VpcId vpc);

  /**
   * Creates a SNAT entry ({@link CloudActions#CREATE_SNAT_ENTRY}). The entry starts {@code Pending} and becomes
   * {@code Available} asynchronously: poll {@link #describeSnatEntry}. The same client token twice returns the first
   * call's id and creates nothing.
   *
   * @return the id of the entry
   * @throws io.easnet.core.CloudServiceException {@code INVALID_PARAMETER} when the request names both or neither
   *     of a source vSwitch and a source CIDR, or reuses a token with other parameters
   *     ({@code IdempotentParameterMismatch}); {@code ALREADY_EXISTS} when the source vSwitch or CIDR is already in
   *     an entry ({@code Forbidden.SourceVSwitchId.Duplicated}); {@code NOT_FOUND} for an unknown SNAT table or
   *     vSwitch, or for a SNAT IP that is not an EIP of the gateway ({@code InvalidSnatIp.NotFound});
   *     {@code CONFLICT} while the gateway is not {@code Available} ({@code IncorrectStatus.NatGateway})
   */
  SnatEntryId createSnatEntry(SnatEntryRequest request);

  /**
   * Deletes a SNAT entry ({@link CloudActions#DELETE_SNAT_ENTRY}): it is {@code Deleting}, then gone. Deleting an
   * entry that is gone succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when the SNAT table does not exist
   */
  void deleteSnatEntry(DeleteSnatEntryRequest request);

  /**
   * Adds a route to a NAT gateway ({@link CloudActions#CREATE_ROUTE_ENTRY}); adding the same route again (same
   * table, destination and next hop) succeeds and adds nothing.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown route table or NAT gateway;
   *     {@code ALREADY_EXISTS} when the table routes the destination to another next hop
   *     ({@code InvalidCIDRBlock.Duplicate}); {@code INVALID_PARAMETER} when the gateway is in another VPC;
   *     {@code CONFLICT} while the gateway is not {@code Available}
   */
  void createRouteEntry(CreateRouteEntryRequest request);

  /**
   * Deletes a route ({@link CloudActions#DELETE_ROUTE_ENTRY}); deleting a route that is gone succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown route table
   */
  void deleteRouteEntry(DeleteRouteEntryRequest request);

  /**
   * Binds an EIP to a NAT gateway ({@link CloudActions#ASSOCIATE_EIP}, {@code InstanceType=Nat}); binding an EIP
   * that is bound to that gateway already succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown EIP or gateway; {@code CONFLICT}
   *     when the EIP is bound to another instance ({@code IncorrectEipStatus}) or the gateway is not
   *     {@code Available}
   */
  void associateEip(EipAssociationRequest request);

  /**
   * Unbinds an EIP from a NAT gateway ({@link CloudActions#UNASSOCIATE_EIP}); unbinding an EIP that is not bound to
   * it succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown EIP or gateway;
   *     {@code INVALID_PARAMETER} while a SNAT entry of the gateway still uses the address
   *     ({@code DependencyViolation.SnatEntry})
   */
  void unassociateEip(EipAssociationRequest request);

  /**
   * Creates an enhanced internet NAT gateway ({@link CloudActions#CREATE_NAT_GATEWAY}). <b>Billed</b>: a NAT
   * gateway costs money by the hour from its creation until it is deleted. It starts {@code Creating} and becomes
   * {@code Available} in one to three minutes: poll {@link #describeNatGateway}. The system then routes
   * {@code 0.0.0.0/0} of the VPC's system route table to it. The same client token twice returns the first call's
   * id and creates (and bills) one gateway.
   *
   * @return the id of the gateway
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown VPC or vSwitch;
   *     {@code INVALID_PARAMETER} when the vSwitch is not in the VPC; {@code QUOTA_EXCEEDED} when the region's
   *     NAT gateway quota is used up
   */
  NatGatewayId createNatGateway(CreateNatGatewayRequest request);

  /**
   * Allocates an EIP ({@link CloudActions#ALLOCATE_EIP}). <b>Billed</b>: an EIP costs money from its allocation
   * until it is released, bound or not. It is {@code Available} (unbound) at once. The same client token twice
   * returns the first call's EIP and allocates (and bills) one.
   *
   * @return the new EIP with its allocation id and address
   * @throws io.easnet.core.CloudServiceException {@code QUOTA_EXCEEDED} when the account's EIP quota is used up
   */
  Eip allocateEip(AllocateEipRequest request);

  /**
   * The arguments of {@link VpcApi#allocateEip} ({@code AllocateEipAddress}, BGP, pay-as-you-go). <b>An EIP is
   * billed</b> from its allocation until it is released, bound or not. Every build without {@code clientToken} draws a
   * fresh {@link ClientToken}: retry with the same object.
   */
  @Value.Immutable
  public static abstract class AllocateEipRequest {
    AllocateEipRequest() {}

    /** The peak bandwidth in Mbit/s ({@code Bandwidth}), 1 to 200; default 5. */
    @Value.Default
    public int bandwidthMbps() {
      return 5;
    }

    /**
     * How the traffic is billed ({@code InternetChargeType}): {@code PayByTraffic} (default) or {@code PayByBandwidth}.
     */
    @Value.Default
    public String internetChargeType() {
      return "PayByTraffic";
    }

    /** An optional name ({@code Name}, 1 to 128 characters). */
    public abstract Optional<String> name();

    /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
    @Value.Default
    public ClientToken clientToken() {
      return ClientToken.random();
    }

    @Value.Check
    final void check() {
      if (bandwidthMbps() < 1 || bandwidthMbps() > 200) {
        throw new IllegalArgumentException("bandwidthMbps must be between 1 and 200, was " + bandwidthMbps());
      }
      if (!internetChargeType().equals("PayByTraffic") && !internetChargeType().equals("PayByBandwidth")) {
        throw new IllegalArgumentException(
            "internetChargeType must be PayByTraffic or PayByBandwidth, was " + internetChargeType());
      }
      name().ifPresent(n -> {
        if (n.isEmpty() || n.length() > 128) {
          throw new IllegalArgumentException("name must be 1 to 128 characters long, was " + n.length());
        }
      });
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link AllocateEipRequest}. */
    public static final class Builder extends ImmutableAllocateEipRequest.Builder {
      Builder() {}

      /** Sets the idempotency token from text (at most 64 ASCII characters). */
      public Builder clientToken(String token) {
        return clientToken(ClientToken.of(token));
      }
    }
  }

  /**
   * The arguments of {@link VpcApi#createNatGateway} ({@code CreateNatGateway}, {@code NatType} {@code Enhanced},
   * {@code NetworkType} {@code internet}, pay-as-you-go). <b>A NAT gateway is billed</b> by the hour and by the
   * traffic it carries, from its creation until it is deleted. Every build without {@code clientToken} draws a fresh
   * {@link ClientToken}: retry with the same object.
   */
  @Value.Immutable
  public static abstract class CreateNatGatewayRequest {
    CreateNatGatewayRequest() {}

    /** The VPC ({@code VpcId}). */
    public abstract VpcId vpcId();

    /** The vSwitch the gateway lives in ({@code VSwitchId}); it must be in the VPC. */
    public abstract VSwitchId vSwitchId();

    /** An optional name ({@code Name}, 2 to 128 characters). */
    public abstract Optional<String> name();

    /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
    @Value.Default
    public ClientToken clientToken() {
      return ClientToken.random();
    }

    @Value.Check
    final void check() {
      name().ifPresent(n -> {
        if (n.length() < 2 || n.length() > 128) {
          throw new IllegalArgumentException("name must be 2 to 128 characters long, was " + n.length());
        }
      });
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link CreateNatGatewayRequest}. */
    public static final class Builder extends ImmutableCreateNatGatewayRequest.Builder {
      Builder() {}

      /** Sets the idempotency token from text (at most 64 ASCII characters). */
      public Builder clientToken(String token) {
        return clientToken(ClientToken.of(token));
      }
    }
  }

  /**
   * The arguments of {@link VpcApi#createRouteEntry} ({@code CreateRouteEntry} with {@code NextHopType}
   * {@code NatGateway}): a route in a route table that sends a destination block to a NAT gateway.
   * Every build without {@code clientToken} draws a fresh {@link ClientToken}: retry with the same object.
   *
   * <pre>{@code
   * CreateRouteEntryRequest.toNat(table, Cidr.parse("0.0.0.0/0"), nat);
   * }</pre>
   */
  @Value.Immutable
  public static abstract class CreateRouteEntryRequest {
    CreateRouteEntryRequest() {}

    /** The route table ({@code RouteTableId}). */
    public abstract RouteTableId routeTableId();

    /** The destination block ({@code DestinationCidrBlock}). */
    public abstract Cidr destination();

    /** The next hop ({@code NextHopId}, of type {@code NatGateway}). */
    public abstract NatGatewayId natGatewayId();

    /** An optional name ({@code RouteEntryName}, 1 to 128 characters). */
    public abstract Optional<String> name();

    /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
    @Value.Default
    public ClientToken clientToken() {
      return ClientToken.random();
    }

    @Value.Check
    final void check() {
      name().ifPresent(n -> {
        if (n.isEmpty() || n.length() > 128) {
          throw new IllegalArgumentException("name must be 1 to 128 characters long, was " + n.length());
        }
      });
    }

    /** A route of {@code destination} to a NAT gateway, with a fresh token. */
    public static CreateRouteEntryRequest toNat(RouteTableId table, Cidr destination, NatGatewayId nat) {
      return builder().routeTableId(table).destination(destination).natGatewayId(nat).build();
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link CreateRouteEntryRequest}. */
    public static final class Builder extends ImmutableCreateRouteEntryRequest.Builder {
      Builder() {}

      /** Sets the idempotency token from text (at most 64 ASCII characters). */
      public Builder clientToken(String token) {
        return clientToken(ClientToken.of(token));
      }

      /** Sets the destination from CIDR text. */
      public Builder destination(String cidr) {
        return destination(Cidr.parse(cidr));
      }
    }
  }

  /**
   * The arguments of {@link VpcApi#deleteRouteEntry} ({@code DeleteRouteEntry} by {@code RouteTableId},
   * {@code DestinationCidrBlock} and {@code NextHopId}). Every build without {@code clientToken} draws a fresh {@link
   * ClientToken}: retry with the same object.
   */
  @Value.Immutable
  public static abstract class DeleteRouteEntryRequest {
    DeleteRouteEntryRequest() {}

    /** The route table ({@code RouteTableId}). */
    public abstract RouteTableId routeTableId();

    /** The destination block ({@code DestinationCidrBlock}). */
    public abstract Cidr destination();

    /** The next hop ({@code NextHopId}). */
    public abstract NatGatewayId natGatewayId();

    /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
    @Value.Default
    public ClientToken clientToken() {
      return ClientToken.random();
    }

    /** A request with a fresh token. */
    public static DeleteRouteEntryRequest of(RouteTableId table, Cidr destination, NatGatewayId nat) {
      return builder().routeTableId(table).destination(destination).natGatewayId(nat).build();
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link DeleteRouteEntryRequest}. */
    public static final class Builder extends ImmutableDeleteRouteEntryRequest.Builder {
      Builder() {}

      /** Sets the idempotency token from text (at most 64 ASCII characters). */
      public Builder clientToken(String token) {
        return clientToken(ClientToken.of(token));
      }
    }
  }

  /**
   * The arguments of {@link VpcApi#deleteSnatEntry} ({@code DeleteSnatEntry}). Every build without {@code clientToken}
   * draws a fresh {@link ClientToken}: retry with the same object.
   */
  @Value.Immutable
  public static abstract class DeleteSnatEntryRequest {
    DeleteSnatEntryRequest() {}

    /** The SNAT table ({@code SnatTableId}). */
    public abstract SnatTableId snatTableId();

    /** The entry ({@code SnatEntryId}). */
    public abstract SnatEntryId snatEntryId();

    /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
    @Value.Default
    public ClientToken clientToken() {
      return ClientToken.random();
    }

    /** A request with a fresh token. */
    public static DeleteSnatEntryRequest of(SnatTableId table, SnatEntryId entry) {
      return builder().snatTableId(table).snatEntryId(entry).build();
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link DeleteSnatEntryRequest}. */
    public static final class Builder extends ImmutableDeleteSnatEntryRequest.Builder {
      Builder() {}

      /** Sets the idempotency token from text (at most 64 ASCII characters). */
      public Builder clientToken(String token) {
        return clientToken(ClientToken.of(token));
      }
    }
  }

  /**
   * The arguments of {@link VpcApi#associateEip} and {@link VpcApi#unassociateEip}
   * ({@code AssociateEipAddress} / {@code UnassociateEipAddress} with {@code InstanceType} {@code Nat}): one EIP and one
   * NAT gateway. Every build without {@code clientToken} draws a fresh {@link ClientToken}: retry with the same object.
   */
  @Value.Immutable
  public static abstract class EipAssociationRequest {
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

  /**
   * The arguments of {@link VpcApi#createSnatEntry} ({@code CreateSnatEntry}). The cloud wants exactly one of a source
   * vSwitch and a source CIDR; this value does not check that, so that the cloud's (or the fake's) own refusal can be
   * tested. It checks what the cloud would reject before any call: a name of 2 to 128 characters, an EIP list without
   * duplicates. Every build without {@link Builder#clientToken(ClientToken)} draws a fresh {@link ClientToken}: retry
   * with the same object.
   *
   * <pre>{@code
   * SnatEntryRequest.builder().snatTableId(table).sourceVSwitchId(vsw).addSnatIp("47.1.2.3").build();
   * }</pre>
   */
  @Value.Immutable
  public static abstract class SnatEntryRequest {
    SnatEntryRequest() {}

    /** The SNAT table of the NAT gateway. */
    public abstract SnatTableId snatTableId();

    /** The source vSwitch ({@code SourceVSwitchId}). */
    public abstract Optional<VSwitchId> sourceVSwitchId();

    /** The source block ({@code SourceCIDR}). */
    public abstract Optional<Cidr> sourceCidr();

    /** The EIPs to translate to ({@code SnatIp}, a comma list in the API). */
    public abstract List<IpAddress> snatIps();

    /** An optional name ({@code SnatEntryName}). */
    public abstract Optional<String> name();

    /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
    @Value.Default
    public ClientToken clientToken() {
      return ClientToken.random();
    }

    @Value.Check
    final void check() {
      name().ifPresent(n -> {
        if (n.length() < 2 || n.length() > 128) {
          throw new IllegalArgumentException("name must be 2 to 128 characters long, was " + n.length());
        }
      });
      if (snatIps().size() != new java.util.HashSet<>(snatIps()).size()) {
        throw new IllegalArgumentException("snatIps must not repeat an address, was " + snatIps());
      }
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link SnatEntryRequest}; string overloads parse ids, CIDRs and addresses. */
    public static final class Builder extends ImmutableSnatEntryRequest.Builder {
      Builder() {}

      /** Sets the SNAT table from its id text. */
      public Builder snatTableId(String id) {
        return snatTableId(SnatTableId.of(id));
      }

      /** Sets the source vSwitch from its id text. */
      public Builder sourceVSwitchId(String id) {
        return sourceVSwitchId(VSwitchId.of(id));
      }

      /** Sets the source block from CIDR text. */
      public Builder sourceCidr(String cidr) {
        return sourceCidr(Cidr.parse(cidr));
      }

      /** Sets the idempotency token from text (at most 64 ASCII characters). */
      public Builder clientToken(String token) {
        return clientToken(ClientToken.of(token));
      }

      /** Adds an EIP address from text. */
      public Builder addSnatIp(String ip) {
        return addSnatIp(IpAddress.parse(ip));
      }
    }
  }
}
