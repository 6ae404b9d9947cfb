package io.easnet.testkit.internal.wire;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The emulator's log: lines and near misses, passed to a sink and kept in memory up to {@link #KEPT} of each (the
 * most recent; older ones are dropped and counted), so a long-running emulator's memory stays bounded. Never holds a
 * secret.
 */
public final class EmulatorLog {
  /** How many lines, and how many near misses, are kept in memory. */
  public static final int KEPT = 1_000;

  private final Consumer<String> sink;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final ArrayDeque<Miss> nearMisses = new ArrayDeque<>();
  private long dropped;

  public EmulatorLog(Consumer<String> sink) {
    this.sink = sink;
  }

  void line(String line) {
    synchronized (this) {
      if (lines.size() == KEPT) {
        lines.removeFirst();
        dropped++;
      }
      lines.addLast(line);
    }
    sink.accept(line);
  }

  void nearMiss(Miss nearMiss) {
    synchronized (this) {
      if (nearMisses.size() == KEPT) {
        nearMisses.removeFirst();
      }
      nearMisses.addLast(nearMiss);
    }
    line(nearMiss.toString());
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  public synchronized List<Miss> nearMisses() {
    return List.copyOf(nearMisses);
  }

  /** How many lines are kept now (at most {@link #KEPT}), plus the near misses kept. */
  public synchronized int kept() {
    return lines.size() + nearMisses.size();
  }

  /** How many lines were dropped to keep the bound. */
  public synchronized long dropped() {
    return dropped;
  }
}
