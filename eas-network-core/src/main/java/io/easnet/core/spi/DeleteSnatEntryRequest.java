package io.easnet.core.spi;

import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import org.immutables.value.Value;

/**
 * The arguments of {@link VpcApi#deleteSnatEntry} ({@code DeleteSnatEntry}). Every build without {@code clientToken}
 * draws a fresh {@link ClientToken}: retry with the same object.
 */
@Value.Immutable
public abstract class DeleteSnatEntryRequest {
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
