package io.easnet.core.plan;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.CloudServiceException;
import io.easnet.core.ConfigurationException;
import io.easnet.core.EasNetworkException;
import io.easnet.core.InvalidInputException;
import io.easnet.core.change.Change;
import io.easnet.core.change.Change.Refs;
import io.easnet.core.change.SetServiceNetworking;
import io.easnet.core.internal.Printable;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.spi.CloudPort.ClientToken;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.List;

/**
 * Applies a {@link Plan} through a {@link CloudPort}, as written: in order, one {@link ChangeResult} per change. Before
 * each write it reads the state the write would change, so a change already made is {@code ALREADY_IN_PLACE}; each
 * write carries a client token derived from the plan and the change id, so a write repeated after a crash acts once.
 * Re-running a plan after a crash at any step therefore ends in the same estate as one uninterrupted run. Allowlists
 * are only appended to (never covered), and only with the entries they lack. Asynchronous changes (NAT gateway, SNAT
 * entry, VPC direct connection) are polled through the injected clock and sleeper. Refusals (throttling, "busy"
 * conflicts) are retried call by call; transient failures that outlast the adapter's own attempts (I/O errors,
 * timeouts, server errors, an open circuit breaker, refusals that keep coming) re-run the whole change from its state
 * check, so a write that acted before its answer was lost is found in place, not repeated. Every change has one
 * deadline ({@link Builder#timeout}, 10 minutes by default): every wait of the change (polls, retry pauses, a
 * server's {@code x-acs-retry-after}) counts against it, and no single wait is longer than {@link #MAX_WAIT}, whatever
 * the server asks, so a change ends by its deadline. A change whose dependency failed is {@code SKIPPED}.
 *
 * <pre>{@code
 * Applier applier = Applier.builder(cloud).build();
 * ApplyResult preview = applier.dryRun(plan);
 * ApplyResult result = applier.apply(plan);
 * // with the testkit's FakeCloud: Applier.builder(fake).clock(fake.clock()).sleeper(fake::advance).build()
 * }</pre>
 */
public final class Applier {
  /**
   * The longest single wait, one minute: a longer retry-after from the server (Alibaba's {@code x-acs-retry-after}
   * can say anything) or a longer backoff is cut to this, and every wait is also cut to what is left of the change's
   * deadline.
   */
  public static final Duration MAX_WAIT = Duration.ofMinutes(1);

  private final CloudPort port;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration timeout;
  private final Duration pollInterval;
  private final int maxAttempts;
  private final Map<String, Path> serviceFiles;
  private final boolean force;

  private Applier(Builder b) {
    this.force = b.force;
    this.port = b.port;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.timeout = b.timeout;
    this.pollInterval = b.pollInterval;
    this.maxAttempts = b.maxAttempts;
    this.serviceFiles = Map.copyOf(b.serviceFiles);
  }

  /** A builder over {@code port}. */
  public static Builder builder(CloudPort port) {
    return new Builder(Objects.requireNonNull(port, "port"));
  }

  /**
   * Applies the plan: a result per change (a failed change skips the changes that depend on it).
   *
   * @throws ConfigurationException when the port cannot be used at all (no credentials, a bad endpoint): nothing
   *     was changed by the failing step, and re-running after the fix is safe
   * @throws InvalidInputException before any change when a networking change's service file is not the planned one
   *     (another service's, or edited since planning), or a version 1 plan names one: nothing was changed
   */
  public ApplyResult apply(Plan plan) {
    return run(Objects.requireNonNull(plan, "plan"), false);
  }

  /**
   * What {@link #apply} would do: reads the estate, writes nothing. The same checks run as before an apply's first
   * write, so a plan that does not fit the estate fails here exactly where the apply would.
   */
  public ApplyResult dryRun(Plan plan) {
    return run(Objects.requireNonNull(plan, "plan"), true);
  }

  /**
   * {@code plan} recording the estate it depends on, as this applier's port shows it now: the port's region and the
   * facts every change's checks read (ids, VPCs, blocks, which gateway owns a SNAT table). An {@link #apply} of the
   * returned plan refuses an estate whose facts differ, naming what changed, unless {@link Builder#force}. Reads
   * only; nothing is written.
   */
  public Plan recordEstate(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    Checks checks = check(plan, true);
    return plan.withEstate(new EstateFacts(port.regionId(), checks.facts));
  }

  /** The outcome of the checks before the first write: the facts read, and the changes that do not fit. */
  private static final class Checks {
    final Map<String, String> facts = new java.util.TreeMap<>();
    final Map<String, ChangeResult> misfits = new LinkedHashMap<>();
  }

  /**
   * Runs every change's check against the estate ({@link Change#checkBeforeWrites}): reads
   * only. A transient failure of a read is retried as a change is; a change that does not fit is a misfit.
   *
   * @throws InvalidInputException when a networking change's service file is not the planned one
   */
  private Checks check(Plan plan, boolean dry) {
    Checks out = new Checks();
    for (PlannedChange c : plan.changes()) {
      Budget budget = new Budget();
      for (int attempt = 1; ; attempt++) {
        Step step = new Step(plan, c, dry, Map.of(), budget, out.facts);
        try {
          c.action().checkBeforeWrites(step);
          break;
        } catch (Change.Misfit m) {
          out.misfits.put(c.id(), result(c, ChangeResult.Status.FAILED, c.id() + " does not fit the estate: "
              + m.getMessage() + "; nothing was changed (every change is checked before the first write)",
              m.code()));
          break;
        } catch (ConfigurationException | InvalidInputException e) {
          throw e;
        } catch (EasNetworkException e) {
          String code = e instanceof CloudServiceException s ? s.code() : e.getClass().getSimpleName();
          if (!isTransient(e) || attempt >= maxAttempts) {
            out.misfits.put(c.id(), result(c, ChangeResult.Status.FAILED, "checking " + c.id() + " against the"
                + " estate failed: " + e.getMessage() + "; nothing was changed", code));
            break;
          }
          try {
            budget.pause(retryPause(e, attempt), "checking " + c.id());
          } catch (DeadlineException late) {
            out.misfits.put(c.id(), result(c, ChangeResult.Status.FAILED, e.getMessage() + "; " + late.getMessage(),
                code));
            break;
          }
        } catch (DeadlineException e) {
          out.misfits.put(c.id(), result(c, ChangeResult.Status.FAILED, e.getMessage(), e.code));
          break;
        }
      }
    }
    return out;
  }

  private ApplyResult run(Plan plan, boolean dry) {
    Checks checks = check(plan, dry);
    if (!force && plan.estate().isPresent()) {
      java.util.List<String> drift = plan.estate().get().changesTo(new EstateFacts(port.regionId(), checks.facts));
      if (!drift.isEmpty()) {
        throw InvalidInputException.of("plan", "/estate", "the estate changed since the plan was made, in what the"
            + " plan depends on: " + String.join("; ", drift.subList(0, Math.min(drift.size(), 20)))
            + (drift.size() > 20 ? "; and " + (drift.size() - 20) + " more" : "") + ". Nothing was changed.",
            "plan again against the estate as it is now (or apply with --force to apply the plan as written).");
      }
    }
    if (!checks.misfits.isEmpty()) {
      String which = String.join(", ", checks.misfits.keySet());
      java.util.List<ChangeResult> out = new ArrayList<>();
      for (PlannedChange c : plan.changes()) {
        ChangeResult m = checks.misfits.get(c.id());
        out.add(m != null ? m : result(c, ChangeResult.Status.SKIPPED, "not attempted: the plan does not fit the"
            + " estate (" + which + "); nothing was changed", null));
      }
      return new ApplyResult(dry, out);
    }
    Map<String, String> outputs = new HashMap<>();
    Map<String, ChangeResult> done = new LinkedHashMap<>();
    for (PlannedChange c : plan.changes()) {
      ChangeResult r = one(plan, c, dry, outputs, done);
      r.outputs().forEach((k, v) -> outputs.put(Refs.ref(c.id(), k), v));
      done.put(c.id(), r);
    }
    return new ApplyResult(dry, new ArrayList<>(done.values()));
  }

  private ChangeResult one(Plan plan, PlannedChange c, boolean dry, Map<String, String> outputs,
      Map<String, ChangeResult> done) {
    for (String dep : c.dependsOn()) {
      ChangeResult d = done.get(dep);
      if (d == null || !d.ok()) {
        return result(c, ChangeResult.Status.SKIPPED, "not attempted: " + dep + " "
            + (d == null ? "is missing" : d.status().name().toLowerCase(java.util.Locale.ROOT)), null);
      }
    }
    for (String v : c.action().values()) {
      if (Refs.isRef(v) && !outputs.containsKey(v)) {
        if (dry) {
          return result(c, ChangeResult.Status.WOULD_APPLY, c.description() + " (after "
              + Refs.changeOf(v).orElseThrow() + " creates " + Refs.outputOf(v) + ")", null);
        }
        return result(c, ChangeResult.Status.FAILED, "the value " + v + " is unknown: its change did not report it",
            "UnresolvedReference");
      }
    }
    Budget budget = new Budget();
    for (int attempt = 1; ; attempt++) {
      try {
        return new Step(plan, c, dry, outputs, budget, new HashMap<>()).run();
      } catch (ConfigurationException e) {
        throw e; // no credentials, a bad endpoint: no change can be made, so the run stops with the one cause
      } catch (EasNetworkException e) {
        String code = e instanceof CloudServiceException s ? s.code() : e.getClass().getSimpleName();
        if (!isTransient(e)) {
          return result(c, ChangeResult.Status.FAILED, e.getMessage(), code);
        }
        if (attempt >= maxAttempts) {
          return result(c, ChangeResult.Status.FAILED, e.getMessage() + " (the change was tried " + attempt
              + " times; the failure looks transient: run apply again to resume)", code);
        }
        try {
          // the whole change again, from its state check: a write that acted before its answer was lost is found
          budget.pause(retryPause(e, attempt), c.description());
        } catch (DeadlineException late) {
          return result(c, ChangeResult.Status.FAILED, e.getMessage() + "; " + late.getMessage(), code);
        }
      } catch (DeadlineException e) {
        return result(c, ChangeResult.Status.FAILED, e.getMessage(), e.code);
      }
    }
  }

  /**
   * The service JSON file a networking change writes: the one named with {@link Builder#serviceFile}, else the plan's
   * (relative to the plan file); {@code null} when neither names one. A version 1 plan's path was relative to where
   * {@code plan} ran, so it is refused.
   */
  private Path serviceFileOf(Plan plan, PlannedChange c, SetServiceNetworking s) {
    Path override = serviceFiles.get(s.serviceName());
    if (override != null || s.file() == null) {
      return override;
    }
    if (plan.version() < 2) {
      throw InvalidInputException.of(Printable.escape(s.file()), "", c.id() + " of the plan sets cloud.networking"
          + " of service " + Printable.escape(s.serviceName()) + ", but the plan was written by an older eas-net (plan"
          + " version 1), whose service file paths are relative to the directory plan ran in and carry no digest;"
          + " nothing was changed.", "plan again with this eas-net, or name the file with --service-file "
          + Printable.escape(s.serviceName()) + "=FILE.");
    }
    return plan.serviceFile(s.file());
  }

  /**
   * Reads the service file a networking change writes and checks it is the planned one: its {@code metadata.name}
   * is the change's service, and its content is what was planned (the plan's SHA-256) unless it already holds the
   * networking.
   *
   * @throws InvalidInputException naming the file and the fix otherwise
   */
  private static ServiceDocument checkedServiceFile(PlannedChange c, SetServiceNetworking s, Path file) {
    String source = file.toString();
    String text = ServiceDocument.readText(file);
    ServiceDocument doc = ServiceDocument.parse(text, source);
    String name = doc.spec().name();
    if (!name.equals(s.serviceName())) {
      throw InvalidInputException.of(source, "/metadata/name", c.id() + " of the plan sets cloud.networking of"
          + " service " + Printable.escape(s.serviceName()) + ", but this file is service " + Printable.escape(name)
          + "; nothing was changed.", "apply the plan from its own directory layout (paths in a plan are relative"
          + " to the plan file), or name the service's file with --service-file " + Printable.escape(s.serviceName())
          + "=FILE.");
    }
    if (s.fileSha256() != null && !doc.spec().networking().equals(Optional.of(s.networking()))) {
      String now = Plan.sha256(text);
      if (!now.equals(s.fileSha256())) {
        throw InvalidInputException.of(source, "", "the file changed since the plan was made (SHA-256 "
            + now.substring(0, 12) + "…, planned " + s.fileSha256().substring(0, 12) + "…), so " + c.id()
            + " would overwrite edits it was not planned against; nothing was changed.", "plan again with the file"
            + " as it is now.");
      }
    }
    return doc;
  }

  /**
   * True for a failure that a later attempt may not meet: an I/O error, a timeout, an open circuit breaker (all
   * {@link io.easnet.core.CloudIoException} or {@link io.easnet.core.CloudTimeoutException}) and a retryable cloud
   * error (throttling, a busy resource, a server error).
   */
  static boolean isTransient(EasNetworkException e) {
    if (e instanceof CloudServiceException s) {
      return s.retryable();
    }
    return e instanceof io.easnet.core.CloudIoException || e instanceof io.easnet.core.CloudTimeoutException;
  }

  /** The pause before retry {@code attempt + 1}: the server's retry-after, else a growing multiple of the poll interval. */
  private Duration retryPause(EasNetworkException e, int attempt) {
    if (e instanceof CloudServiceException s && s.retryAfterSeconds().isPresent()) {
      return Duration.ofSeconds(s.retryAfterSeconds().get().longValue());
    }
    return attempt >= 12 ? MAX_WAIT : pollInterval.multipliedBy(attempt);
  }

  private static ChangeResult result(PlannedChange c, ChangeResult.Status status, String message, String code) {
    return new ChangeResult(c.id(), c.kind(), status, message, code, Map.of());
  }

  /**
   * The deadline of one change: what the clock says has passed, or what the change has waited, whichever is more
   * (so a sleeper that returns early, or a clock that does not move, cannot stretch it); every wait is cut to
   * {@link #MAX_WAIT} and to what is left.
   */
  private final class Budget {
    private final Instant start = clock.instant();
    private Duration waited = Duration.ZERO;

    private Duration spent() {
      Duration elapsed = Duration.between(start, clock.instant());
      return elapsed.compareTo(waited) > 0 ? elapsed : waited;
    }

    /** Waits {@code wanted}, cut to {@link #MAX_WAIT} and to the time left; past the deadline, fails naming {@code what}. */
    void pause(Duration wanted, String what) {
      Duration left = timeout.minus(spent());
      if (left.isNegative() || left.isZero()) {
        throw new DeadlineException("gave up on " + what + ": its deadline of " + timeout + " has passed (waits "
            + "included); run apply again to resume");
      }
      Duration wait = wanted.isNegative() ? Duration.ZERO : wanted;
      wait = wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
      wait = wait.compareTo(left) > 0 ? left : wait;
      waited = waited.plus(wait);
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // an interrupt ends the wait and is kept on the thread
        throw new IllegalStateException("interrupted while waiting for the cloud", e);
      }
    }

    boolean expired() {
      return spent().compareTo(timeout) >= 0;
    }
  }

  /** A change that did not finish before its deadline; {@code code} is the cloud's last error, else Timeout. */
  private static final class DeadlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    DeadlineException(String message) {
      this(message, "Timeout");
    }

    DeadlineException(String message, String code) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  /** One change being applied. */
  private final class Step implements Change.Execution<ChangeResult> {
    private final Plan plan;
    private final PlannedChange change;
    private final boolean dry;
    private final Map<String, String> outputs;
    private final Budget budget;
    private final Map<String, String> facts;

    Step(Plan plan, PlannedChange change, boolean dry, Map<String, String> outputs, Budget budget,
        Map<String, String> facts) {
      this.facts = facts;
      this.plan = plan;
      this.change = change;
      this.dry = dry;
      this.outputs = outputs;
      this.budget = budget;
    }

    @Override
    public String resolve(String v) {
      return Refs.isRef(v) ? outputs.get(v) : v;
    }

    private ChangeResult done(ChangeResult.Status status, String message, Map<String, String> out) {
      return new ChangeResult(change.id(), change.kind(), status, message, null, out);
    }

    @Override
    public ChangeResult inPlace(String message, Map<String, String> out) {
      return done(ChangeResult.Status.ALREADY_IN_PLACE, message, out);
    }

    @Override
    public ChangeResult wouldApply() {
      return done(ChangeResult.Status.WOULD_APPLY, change.description(), Map.of());
    }

    @Override
    public ChangeResult applied(Map<String, String> out) {
      return done(ChangeResult.Status.APPLIED, change.description(), out);
    }

    ChangeResult run() {
      return change.action().execute(this);
    }

    @Override
    public CloudPort port() {
      return port;
    }

    @Override
    public boolean dry() {
      return dry;
    }

    @Override
    public ClientToken clientToken() {
      return plan.token(change);
    }

    @Override
    public String resourceName() {
      return plan.resourceName(change);
    }

    @Override
    public ChangeResult failed(String message, String code) {
      return new ChangeResult(change.id(), change.kind(), ChangeResult.Status.FAILED, message, code, Map.of());
    }

    @Override
    public Path serviceFile(SetServiceNetworking s) {
      return serviceFileOf(plan, change, s);
    }

    @Override
    public ServiceDocument checkedServiceFile(SetServiceNetworking s, Path file) {
      return Applier.checkedServiceFile(change, s, file);
    }

    @Override
    public Optional<Change> earlier(String changeId) {
      for (PlannedChange c : plan.changes()) {
        if (c.id().equals(change.id())) {
          return Optional.empty();
        }
        if (c.id().equals(changeId)) {
          return Optional.of(c.action());
        }
      }
      return Optional.empty();
    }

    @Override
    public String resourceNameOf(String changeId) {
      return plan.change(changeId).map(plan::resourceName).orElse("");
    }

    @Override
    public java.util.List<Change> earlierActions() {
      java.util.List<Change> out = new ArrayList<>();
      for (PlannedChange c : plan.changes()) {
        if (c.id().equals(change.id())) {
          break;
        }
        out.add(c.action());
      }
      return out;
    }

    @Override
    public void fact(String name, String value) {
      facts.put(name, value);
    }

    /**
     * Calls the cloud; a refusal (throttling, a busy resource: the request was not executed) is repeated after a
     * pause, at most {@code maxAttempts} times and within the change's deadline. Other failures go to the caller.
     */
    @Override
    public <T> T call(Supplier<T> action) {
      for (int attempt = 1; ; attempt++) {
        try {
          return action.get();
        } catch (CloudServiceException e) {
          boolean refused = e.kind() == CloudServiceException.Kind.THROTTLED
              || e.kind() == CloudServiceException.Kind.CONFLICT;
          if (!refused || attempt >= maxAttempts) {
            throw e;
          }
          try {
            budget.pause(retryPause(e, attempt), e.action() + " (" + e.code() + ")");
          } catch (DeadlineException late) {
            throw new DeadlineException(e.getMessage() + "; " + late.getMessage(), e.code());
          }
        }
      }
    }

    /** Polls until {@code ready} or the change's deadline; a timeout names {@code what}. */
    @Override
    public void waitFor(BooleanSupplier ready, String what) {
      while (!ready.getAsBoolean()) {
        if (budget.expired()) {
          throw new DeadlineException("gave up waiting for " + what + " after " + timeout
              + "; run apply again to resume");
        }
        budget.pause(pollInterval, "waiting for " + what);
      }
    }
  }

  /** Builds an {@link Applier}. */
  public static final class Builder {
    private final CloudPort port;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Duration timeout = Duration.ofMinutes(10);
    private Duration pollInterval = Duration.ofSeconds(5);
    private int maxAttempts = 8;
    private final Map<String, Path> serviceFiles = new HashMap<>();
    private boolean force;

    private Builder(CloudPort port) {
      this.port = port;
    }

    /** The clock deadlines are measured on; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to wait between polls and retries; {@link Sleeper#system()} by default. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * How long one change may take, its waits included (polls, retry pauses, the server's retry-after); 10
     * minutes by default, at most 7 days.
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofDays(7)) > 0) {
        throw new IllegalArgumentException("timeout must be positive and at most 7 days, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The pause between polls (and the unit of the retry pause); 5 seconds by default, at most {@link #MAX_WAIT}. */
    public Builder pollInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero() || interval.compareTo(MAX_WAIT) > 0) {
        throw new IllegalArgumentException("poll interval must be positive and at most " + MAX_WAIT + ", was "
            + interval);
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * How many times one call is tried when the cloud refuses it (throttling, a busy resource), and how many times
     * a change is tried when it fails with a transient error; 8 by default. The change's deadline bounds both.
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** The service JSON file a networking change of {@code service} writes, instead of the one the plan names. */
    public Builder serviceFile(String service, Path file) {
      serviceFiles.put(Objects.requireNonNull(service, "service"), Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Applies a plan that records its estate ({@link Plan#recordsEstate()}) even when the facts it depends on changed
     * since it was made; by default such an apply is refused, naming what changed. Every change is still checked
     * against the estate before the first write.
     */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** The applier. */
    public Applier build() {
      return new Applier(this);
    }
  }

  /** What the {@link Applier} did with a plan: one {@link ChangeResult} per change, in plan order. */
  public static final class ApplyResult {
    private final boolean dryRun;
    private final List<ChangeResult> results;

    ApplyResult(boolean dryRun, List<ChangeResult> results) {
      this.dryRun = dryRun;
      this.results = List.copyOf(results);
    }

    /** True for a dry run: nothing was written. */
    public boolean dryRun() {
      return dryRun;
    }

    /** One result per change, in plan order. */
    public List<ChangeResult> results() {
      return results;
    }

    /** The result of one change. */
    public Optional<ChangeResult> result(String changeId) {
      return results.stream().filter(r -> r.changeId().equals(changeId)).findFirst();
    }

    /** True when no change failed or was skipped. */
    public boolean succeeded() {
      return results.stream().allMatch(ChangeResult::ok);
    }

    /** How many changes ended with {@code status}. */
    public long count(ChangeResult.Status status) {
      return results.stream().filter(r -> r.status() == status).count();
    }

    @Override
    public String toString() {
      return (dryRun ? "dry run: " : "") + results.size() + " changes, " + count(ChangeResult.Status.APPLIED)
          + " applied, " + count(ChangeResult.Status.ALREADY_IN_PLACE) + " already in place, "
          + count(ChangeResult.Status.FAILED) + " failed, " + count(ChangeResult.Status.SKIPPED) + " skipped";
    }
  }

  /** What the {@link Applier} did with one change. */
  public static final class ChangeResult {
    /** The outcome of one change. */
    public enum Status {
      /** The change was made. */
      APPLIED,
      /** The estate already held it (a re-run, or someone else made it): nothing was written. */
      ALREADY_IN_PLACE,
      /** A dry run: the change would be made. */
      WOULD_APPLY,
      /** The cloud refused it, or it did not complete before the deadline; {@link #error()} says why. */
      FAILED,
      /** Not attempted because a change it depends on failed or was skipped. */
      SKIPPED
    }

    private final String changeId;
    private final ChangeKind kind;
    private final Status status;
    private final String message;
    private final String errorCode;
    private final Map<String, String> outputs;

    ChangeResult(String changeId, ChangeKind kind, Status status, String message, String errorCode,
        Map<String, String> outputs) {
      this.changeId = Objects.requireNonNull(changeId, "changeId");
      this.kind = Objects.requireNonNull(kind, "kind");
      this.status = Objects.requireNonNull(status, "status");
      this.message = Objects.requireNonNull(message, "message");
      this.errorCode = errorCode;
      this.outputs = Map.copyOf(outputs);
    }

    /** The change's id in the plan. */
    public String changeId() {
      return changeId;
    }

    /** The change's kind. */
    public ChangeKind kind() {
      return kind;
    }

    /** The outcome. */
    public Status status() {
      return status;
    }

    /** One sentence: what was done, found, or went wrong (the cloud's error for {@link Status#FAILED}). */
    public String message() {
      return message;
    }

    /** The cloud's error code when it refused the change, e.g. {@code Forbidden.SourceVSwitchId.Duplicated}. */
    public Optional<String> error() {
      return Optional.ofNullable(errorCode);
    }

    /** What the change created, e.g. {@code natGatewayId}; references of later changes resolve to these. */
    public Map<String, String> outputs() {
      return outputs;
    }

    /** True for {@link Status#APPLIED}, {@link Status#ALREADY_IN_PLACE} and {@link Status#WOULD_APPLY}. */
    public boolean ok() {
      return status == Status.APPLIED || status == Status.ALREADY_IN_PLACE || status == Status.WOULD_APPLY;
    }

    @Override
    public String toString() {
      return changeId + " " + status + ": " + message;
    }
  }
}
