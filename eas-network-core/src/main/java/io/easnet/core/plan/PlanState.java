package io.easnet.core.plan;

import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.change.Change;
import io.easnet.core.change.Change.Refs;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An estate in memory while a plan is made or proved: the inventory, the services with their intents, and the values
 * references resolve to (placeholder ids of resources the plan creates). Immutable.
 */
final class PlanState implements Change.Estate<PlanState> {
  private final Inventory inventory;
  private final List<ServiceInput> services;
  private final Map<String, String> outputs;
  private final int[] counter;
  private final String currentKey;

  private PlanState(Inventory inventory, List<ServiceInput> services, Map<String, String> outputs, int[] counter,
      String currentKey) {
    this.inventory = inventory;
    this.services = List.copyOf(services);
    this.outputs = Map.copyOf(outputs);
    this.counter = counter;
    this.currentKey = currentKey;
  }

  static PlanState of(Inventory inventory, List<ServiceInput> services) {
    return new PlanState(inventory, services, Map.of(), new int[] {0}, null);
  }

  @Override
  public Inventory inventory() {
    return inventory;
  }

  List<ServiceInput> services() {
    return services;
  }

  /** A fresh number for a placeholder id. */
  @Override
  public int nextNumber() {
    return ++counter[0];
  }

  /** The key of the change being applied (its references' change part). */
  @Override
  public String currentKey() {
    return currentKey;
  }

  /** This state while the change {@code key} is applied. */
  PlanState applying(String key) {
    return new PlanState(inventory, services, outputs, counter, key);
  }

  /** The value of a reference; a literal as it is. */
  @Override
  public String resolve(String value) {
    if (!Refs.isRef(value)) {
      return value;
    }
    String v = outputs.get(value);
    if (v == null) {
      throw new IllegalStateException("the plan refers to " + value + " before the change that creates it");
    }
    return v;
  }

  /** The reference whose value is {@code literal}, when a planned resource has that id. */
  String symbolOf(String literal) {
    for (Map.Entry<String, String> e : outputs.entrySet()) {
      if (e.getValue().equals(literal)) {
        return e.getKey();
      }
    }
    return literal;
  }

  @Override
  public PlanState withInventory(Inventory inv) {
    return new PlanState(inv, services, outputs, counter, currentKey);
  }

  @Override
  public PlanState withOutput(String ref, String value) {
    Map<String, String> m = new HashMap<>(outputs);
    m.put(ref, value);
    return new PlanState(inventory, services, m, counter, currentKey);
  }

  @Override
  public PlanState withNetworking(String service, ServiceNetworking networking) {
    List<ServiceInput> out = new ArrayList<>();
    boolean found = false;
    for (ServiceInput s : services) {
      if (s.name().equals(service)) {
        found = true;
        out.add(ServiceInput.builder().from(s).spec(s.spec().toBuilder().networking(networking).build()).build());
      } else {
        out.add(s);
      }
    }
    require(found, "service " + service);
    return new PlanState(inventory, out, outputs, counter, currentKey);
  }

  static void require(boolean found, String what) {
    if (!found) {
      throw new IllegalStateException("the plan changes " + what + ", which the estate does not hold");
    }
  }
}
