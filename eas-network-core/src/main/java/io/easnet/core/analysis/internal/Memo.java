package io.easnet.core.analysis.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The answer to one kind of path question, once per distinct key, for the life of one path analyzer (so of one
 * {@code EstateAnalysis}: many services share a security group, a vSwitch and a NAT gateway, and ask the same question
 * of them). Values must be immutable and a pure function of the key and the analyzer's inventory.
 *
 * <p>Bounded by the questions of one run: at most one entry per distinct key asked, and the keys are built from the
 * analysed services' own values. {@link #bypassing} runs a computation with memos created inside it answering every
 * question afresh: the reference the differential tests compare the memoized analysis with. Thread safe.
 *
 * @param <K> the key: a value with {@code equals} and {@code hashCode}
 * @param <V> the answer
 */
public final class Memo<K, V> {
  private static final ThreadLocal<Boolean> BYPASS = ThreadLocal.withInitial(() -> Boolean.FALSE);

  private final ConcurrentMap<K, V> answers;

  private Memo(boolean enabled) {
    this.answers = enabled ? new ConcurrentHashMap<>() : null;
  }

  /** A memo, or a pass-through one when created inside {@link #bypassing}. */
  public static <K, V> Memo<K, V> create() {
    return new Memo<>(!BYPASS.get());
  }

  /**
   * Runs {@code work} on this thread with every memo it creates answering each question afresh (nothing is
   * remembered), and returns its result: the un-memoized reference for differential tests.
   */
  public static <T> T bypassing(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    boolean before = BYPASS.get();
    BYPASS.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      BYPASS.set(before);
    }
  }

  /** The answer for {@code key}: remembered, or computed by {@code compute} and remembered. */
  public V get(K key, Function<? super K, ? extends V> compute) {
    if (answers == null) {
      return compute.apply(key);
    }
    V known = answers.get(key);
    if (known != null) {
      return known;
    }
    V v = Objects.requireNonNull(compute.apply(key), "a memo's answer");
    V prior = answers.putIfAbsent(key, v);
    return prior != null ? prior : v;
  }

  /** The number of distinct questions answered so far (0 when bypassing). */
  public int size() {
    return answers == null ? 0 : answers.size();
  }
}
