package io.easnet.aliyun;

import io.easnet.aliyun.internal.Acs3Signer;
import io.easnet.aliyun.internal.HttpTransport;
import io.easnet.core.spi.RequestListener.RequestEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;

/**
 * A MockWebServer that answers by {@code x-acs-action}, each action from its own queue of canned answers (written
 * from the API reference), and an {@link AliyunCloudPort} pointed at it with one endpoint override for every product,
 * an injected sleeper that records its waits, a fixed signing clock and a stepping nano clock.
 */
final class PortHarness extends Dispatcher {
  static final String SECRET = "harness-very-secret-value";
  static final String TOKEN = "harness-security-token-value";

  final MockWebServer server;
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  final List<RequestEvent> events = new CopyOnWriteArrayList<>();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<MockResponse>> answers = new ConcurrentHashMap<>();
  private final AtomicInteger nonces = new AtomicInteger();
  final AtomicLong nanos = new AtomicLong();
  Credentials credentials = Credentials.of("LTAI5tHarnessKey", SECRET);
  /** The clock the circuit breakers measure their open state by; tests move it. */
  final BreakerClock breakerClock = new BreakerClock();

  /** A clock tests move by hand. */
  static final class BreakerClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  PortHarness(MockWebServer server) {
    this.server = server;
    server.setDispatcher(this);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  AliyunCloudPort port() {
    return port(b -> b);
  }

  AliyunCloudPort port(UnaryOperator<AliyunOptions.Builder> options) {
    AliyunOptions o = options.apply(AliyunOptions.builder("cn-hangzhou")
        .credentials(() -> credentials)
        .endpointOverride(endpoint())
        .retryPolicy(RetryPolicy.builder().jitter(0.0).build())
        .requestListener(events::add)).build();
    Acs3Signer signer = new Acs3Signer(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
        () -> "nonce-" + nonces.incrementAndGet());
    return AliyunCloudPort.over(new HttpTransport(o, new OkHttpClient(), signer, sleeps::add, () -> 0.5,
        () -> nanos.addAndGet(1_000_000), breakerClock));
  }

  /** Queues answers for an action, served in order; the last one is repeated. */
  PortHarness on(String action, MockResponse... responses) {
    answers.computeIfAbsent(action, a -> new ArrayDeque<>()).addAll(List.of(responses));
    return this;
  }

  PortHarness ok(String action, String... bodies) {
    for (String body : bodies) {
      on(action, json(200, body));
    }
    return this;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse error(int code, String errorCode, String requestId) {
    return json(code, "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"127.0.0.1\",\"Code\":\"" + errorCode
        + "\",\"Message\":\"canned " + errorCode + "\",\"Recommend\":\"https://api.alibabacloud.com/troubleshoot?q="
        + errorCode + "\"}");
  }

  /** The server reads the request and closes the connection before answering (the answer is lost). */
  static MockResponse disconnect() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
  }

  /** The server reads the request and never answers. */
  static MockResponse stall() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String action = request.getHeaders().get("x-acs-action");
    Deque<MockResponse> queue = answers.get(action);
    if (queue == null || queue.isEmpty()) {
      return error(400, "Harness.NoCannedAnswer." + action, "R-none");
    }
    synchronized (queue) {
      return queue.size() > 1 ? queue.poll() : queue.peek();
    }
  }

  /** The requests made for an action, in order. */
  List<RecordedRequest> requests(String action) {
    return requests.stream().filter(r -> action.equals(r.getHeaders().get("x-acs-action")))
        .collect(Collectors.toList());
  }

  /** The query parameters of a request, decoded. */
  static Map<String, String> query(RecordedRequest r) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    okhttp3.HttpUrl url = r.getUrl();
    for (String name : url.queryParameterNames()) {
      out.put(name, url.queryParameter(name));
    }
    return out;
  }

  static List<String> texts(List<RequestEvent> events) {
    List<String> out = new ArrayList<>();
    events.forEach(e -> out.add(e.toString()));
    return out;
  }
}
