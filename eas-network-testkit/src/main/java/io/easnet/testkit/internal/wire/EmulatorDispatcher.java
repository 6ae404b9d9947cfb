package io.easnet.testkit.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.core.spi.Sleeper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/**
 * The emulator's MockWebServer face: parse, verify the signature, route to an operation of the table, check its
 * required parameters, apply wire faults, run the handler (with {@link Builder#cloud}, the fake's state through its
 * one call path), wait out the fake's injected latency, answer in Alibaba's shape. Thread-safe.
 */
public final class EmulatorDispatcher extends Dispatcher {
  private final SignatureVerifier verifier;
  private final Router router;
  private final Map<String, Operation> handlers;
  private final WireFaults faults;
  private final Sleeper sleeper;
  private final Supplier<String> requestIds;
  private final EmulatorLog log;
  private final long maxBodyBytes;

  private EmulatorDispatcher(Builder b) {
    this.log = b.log;
    this.maxBodyBytes = b.maxBodyBytes;
    this.verifier = new SignatureVerifier(b.secrets, b.clock, b.window, log::line);
    this.router = new Router(OperationTable.all());
    this.handlers = Map.copyOf(b.handlers);
    this.faults = b.faults;
    this.sleeper = b.sleeper;
    this.requestIds = b.requestIds;
  }

  public static Builder builder() {
    return new Builder();
  }

  public EmulatorLog log() {
    return log;
  }

  /** The largest request body answered; a larger one gets 413 {@code RequestBodyTooLarge}. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
    String requestId = requestIds.get();
    String host = recorded.getHeaders().get("Host") == null ? "" : recorded.getHeaders().get("Host");
    if (recorded.getBodySize() > maxBodyBytes) {
      // the server kept at most maxBodyBytes + 1 of it (its body limit); nothing of it is parsed
      log.line("refused a body of " + recorded.getBodySize() + " bytes (limit " + maxBodyBytes + ") ("
          + requestId + ")");
      return Responses.error(requestId, host, null, AlibabaError.of(413, "RequestBodyTooLarge", "The request body"
          + " has " + recorded.getBodySize() + " bytes; the emulator accepts at most " + maxBodyBytes
          + " bytes. Send a smaller body, or start the emulator with a larger --max-body-bytes.")).build();
    }
    WireRequest request;
    try {
      request = RequestParser.parse(recorded);
    } catch (AlibabaError e) {
      return Responses.error(requestId, host, null, e).build();
    }
    Product product = null;
    try {
      SignatureVerifier.Signer signer = verifier.verify(request);
      Router.Route route = router.route(request);
      if (route instanceof Router.Refused refused) {
        log.nearMiss(refused.nearMiss());
        product = router.facts(request).product();
        throw refused.error();
      }
      Router.Found found = (Router.Found) route;
      OperationSpec spec = found.spec();
      product = spec.product();
      checkRequired(spec, request);
      WireFaults.Decision fault = faults.next(spec.name());
      if (fault.latency().compareTo(Duration.ZERO) > 0) {
        sleeper.sleep(fault.latency());
      }
      if (fault.reset()) {
        log.line("wire fault: connection closed before answering " + spec.name() + " (" + requestId + ")");
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
      }
      Operation handler = handlers.get(spec.name());
      if (handler == null) {
        throw AlibabaError.of(501, "NotImplemented", "The emulator knows " + spec.name() + " (" + spec.describe()
            + ") but serves no handler for it yet.");
      }
      Reply reply;
      try {
        reply = handler.handle(new Call(spec, request, found.pathParameters(), signer.accessKeyId()));
      } catch (AlibabaError e) {
        reply = Reply.error(e);
      }
      if (reply.latency().compareTo(Duration.ZERO) > 0) {
        // the fake's fault plan moved its clock by this much; a client on the wire waits for it too
        sleeper.sleep(reply.latency());
      }
      String answeredId = reply.requestId() == null ? requestId : reply.requestId();
      MockResponse.Builder answer = reply instanceof Reply.Success s
          ? Responses.success(answeredId, s.body())
          : Responses.error(answeredId, request.host(), product, ((Reply.Failure) reply).error());
      if (fault.truncate()) {
        log.line("wire fault: body of " + spec.name() + " cut in half (" + requestId + ")");
        return truncate(answer.build());
      }
      return answer.build();
    } catch (AlibabaError e) {
      return Responses.error(requestId, request.host(), product, e).build();
    } catch (RuntimeException e) {
      log.line("InternalError for " + request.requestLine() + " (" + requestId + "): " + e);
      return Responses.error(requestId, request.host(), product, AlibabaError.of(500, "InternalError",
          "The emulator failed on this request: " + e.getClass().getSimpleName() + ": " + e.getMessage())).build();
    }
  }

  private static void checkRequired(OperationSpec spec, WireRequest request) {
    if (spec.product().style() == Product.Style.RPC) {
      String format = request.parameter("Format");
      if (!format.isEmpty() && !format.equalsIgnoreCase("JSON")) {
        throw AlibabaError.of(400, "InvalidParameter.Format", "Specified parameter Format \"" + format
            + "\" is not valid: the emulator answers JSON only.");
      }
    }
    for (String name : spec.required()) {
      if (request.parameter(name).isEmpty()) {
        throw AlibabaError.missingParameter(name);
      }
    }
    for (List<String> group : spec.requiredOneOf()) {
      if (group.stream().allMatch(n -> request.parameter(n).isEmpty())) {
        throw AlibabaError.of(400, "MissingParameter", "The input parameter \"" + String.join("\" or \"", group)
            + "\" that is mandatory for processing this request is not supplied: " + spec.action()
            + " needs at least one of them.");
      }
    }
    if (spec.bodyRequired() && request.body().length == 0) {
      throw AlibabaError.of(400, "MissingParameter", "The input parameter \"body\" that is mandatory for processing"
          + " this request is not supplied: " + spec.action() + " takes a JSON body.");
    }
    if (!spec.requiredBody().isEmpty()) {
      JsonNode body = new Call(spec, request, Map.of(), "").jsonBody();
      if (!body.isObject()) {
        throw AlibabaError.invalidParameter("The body of " + spec.action() + " must be a JSON object.");
      }
      for (String field : spec.requiredBody()) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
          throw AlibabaError.missingParameter(field);
        }
      }
    }
  }

  /** The same status and headers, a Content-Length for the whole body, half the bytes, then the socket closes. */
  private static MockResponse truncate(MockResponse full) {
    okio.Buffer buffer = new okio.Buffer();
    try {
      full.getBody().writeTo(buffer);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an in-memory body always writes", e);
    }
    byte[] bytes = buffer.readByteArray();
    MockResponseBody half = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return bytes.length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws java.io.IOException {
        sink.write(bytes, 0, bytes.length / 2);
        sink.flush();
      }
    };
    return full.newBuilder().body(half).onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build();
  }

  /** The default largest request body: 8 MiB (the adapter's requests are a few KiB). */
  public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;

  /** Configures a dispatcher; every setter checks its argument. */
  public static final class Builder {
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private Duration window = Duration.ofMinutes(15);
    private Sleeper sleeper = Sleeper.system();
    private Supplier<String> requestIds = () -> UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    private EmulatorLog log = new EmulatorLog(line -> { });
    private final WireFaults faults = new WireFaults();
    private final Map<String, Operation> handlers = new HashMap<>();

    private Builder() {}

    public Builder accessKey(String accessKeyId, String accessKeySecret) {
      if (accessKeyId == null || accessKeyId.isBlank()) {
        throw new IllegalArgumentException("accessKeyId must not be blank");
      }
      if (accessKeySecret == null || accessKeySecret.isEmpty()) {
        throw new IllegalArgumentException("the secret of access key " + accessKeyId + " must not be empty");
      }
      secrets.put(accessKeyId, accessKeySecret);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder timestampWindow(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("the timestamp window must be positive, was " + window);
      }
      this.window = window;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public Builder requestIds(Supplier<String> requestIds) {
      this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
      return this;
    }

    public Builder log(EmulatorLog log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    public Builder maxBodyBytes(long bytes) {
      if (bytes < 0 || bytes > Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException("the body limit must be 0 to " + (Integer.MAX_VALUE - 1)
            + " bytes, was " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    public Builder latency(String operation, Duration latency, int times) {
      faults.add(operation, WireFaults.Kind.LATENCY, Objects.requireNonNull(latency, "latency"), times);
      return this;
    }

    public Builder resetConnection(String operation, int times) {
      faults.add(operation, WireFaults.Kind.RESET, Duration.ZERO, times);
      return this;
    }

    public Builder resetConnectionRate(String operation, double probability) {
      faults.addRate(operation, WireFaults.Kind.RESET, probability);
      return this;
    }

    public Builder truncateBodyRate(String operation, double probability) {
      faults.addRate(operation, WireFaults.Kind.TRUNCATE, probability);
      return this;
    }

    public Builder wireFaultSeed(long seed) {
      faults.seed(seed);
      return this;
    }

    public Builder truncateBody(String operation, int times) {
      faults.add(operation, WireFaults.Kind.TRUNCATE, Duration.ZERO, times);
      return this;
    }

    /**
     * Serves every operation of the table with these handlers (a fake cloud's {@code wireOperations()}), by
     * {@code product:Action}.
     *
     * @throws IllegalArgumentException when an operation of the table has no handler or a handler no operation
     */
    public Builder operations(Map<String, Operation> operations) {
      Objects.requireNonNull(operations, "operations");
      for (OperationSpec spec : OperationTable.all()) {
        if (!operations.containsKey(spec.name())) {
          throw new IllegalArgumentException("no handler for " + spec.name());
        }
      }
      operations.forEach(this::handler);
      return this;
    }

    Builder handler(String operation, Operation handler) {
      OperationTable.byName(operation);
      handlers.put(operation, Objects.requireNonNull(handler, "handler"));
      return this;
    }

    public EmulatorDispatcher build() {
      if (secrets.isEmpty()) {
        throw new IllegalStateException("no access key: call accessKey(id, secret) with the pair clients sign with");
      }
      return new EmulatorDispatcher(this);
    }

    @Override
    public String toString() {
      return "EmulatorDispatcher.Builder[accessKeyIds=" + secrets.keySet() + ", window=" + window + "]";
    }
  }

  @Override
  public String toString() {
    return "EmulatorDispatcher[" + verifier + ", handlers=" + handlers.keySet() + "]";
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
