package io.easnet.core.spi;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.VSwitchId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

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
public abstract class SnatEntryRequest {
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
