package io.easnet.testkit;

import io.easnet.core.spi.CloudPort.ClientToken;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Client tokens as Alibaba Cloud honours them: a write whose token was seen with the same parameters returns the
 * first answer without acting again; the same token with other parameters is refused with
 * {@code IdempotentParameterMismatch}. Only writes that succeeded are remembered, so a write refused as busy
 * ({@code CONFLICT}) can be retried with the same token.
 */
final class TokenLedger {
  private record Entry(String parameters, Object result) {}

  private final Map<String, Entry> seen = new HashMap<>();

  void clear() {
    seen.clear();
  }

  /**
   * Runs {@code write} once per (action, token).
   *
   * @param parameters the request's parameters without its token, as text
   */
  @SuppressWarnings("unchecked")
  <T> T once(String action, ClientToken token, String parameters, Supplier<T> write) {
    String key = action + '\u0000' + token.value();
    Entry e = seen.get(key);
    if (e != null) {
      if (!e.parameters().equals(parameters)) {
        throw Refusal.of("IdempotentParameterMismatch",
            "client token " + token + " was used for another " + action + " request; use a new token for a new"
                + " request.");
      }
      return (T) e.result();
    }
    T result = write.get();
    seen.put(key, new Entry(parameters, result));
    return result;
  }
}
