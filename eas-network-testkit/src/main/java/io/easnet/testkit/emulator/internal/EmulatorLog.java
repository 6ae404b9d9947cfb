package io.easnet.testkit.emulator.internal;

import io.easnet.testkit.emulator.NearMiss;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The emulator's log: lines and near misses, kept in memory and passed to a sink. Never holds a secret. */
public final class EmulatorLog {
  private final Consumer<String> sink;
  private final List<String> lines = new ArrayList<>();
  private final List<NearMiss> nearMisses = new ArrayList<>();

  public EmulatorLog(Consumer<String> sink) {
    this.sink = sink;
  }

  void line(String line) {
    synchronized (this) {
      lines.add(line);
    }
    sink.accept(line);
  }

  void nearMiss(NearMiss nearMiss) {
    synchronized (this) {
      nearMisses.add(nearMiss);
    }
    line(nearMiss.toString());
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  public synchronized List<NearMiss> nearMisses() {
    return List.copyOf(nearMisses);
  }
}
