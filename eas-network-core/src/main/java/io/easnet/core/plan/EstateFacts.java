package io.easnet.core.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.Printable;
import io.easnet.core.internal.json.Cursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The estate a plan was made from, as the plan records it (plan format version 3, {@code "estate"}): the region and
 * the facts its changes depend on, each by name ({@code vSwitch vsw-1} = {@code vpc=vpc-1 cidr=192.168.1.0/24}),
 * with the SHA-256 of them all. Only the facts the changes' checks read ({@link Preflight}), and only those the
 * plan's own changes leave as they are, so that drift elsewhere in the region does not refuse the plan and a re-run
 * after a crash compares equal. Immutable.
 */
record EstateFacts(Optional<String> region, Map<String, String> facts) {
  /** At most this many facts are read from a plan file. */
  static final int MAX_FACTS = 10_000;

  EstateFacts {
    Objects.requireNonNull(region, "region");
    facts = java.util.Collections.unmodifiableMap(new TreeMap<>(facts));
  }

  /** The SHA-256 of the region and the facts, one per line. */
  String digest() {
    StringBuilder sb = new StringBuilder("region=").append(region.orElse("")).append('\n');
    facts.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return Plan.sha256(sb.toString());
  }

  /**
   * What changed from these facts (the plan's) to {@code now} (the estate's): one line per fact, naming it, what the
   * plan was made against and what the estate holds now ("absent" for a resource that is gone). Empty when nothing
   * the plan depends on changed.
   */
  List<String> changesTo(EstateFacts now) {
    List<String> out = new ArrayList<>();
    if (region.isPresent() && now.region.isPresent() && !region.equals(now.region)) {
      out.add("region: the plan was made in " + region.get() + ", the estate is in " + now.region.get());
    }
    facts.forEach((name, was) -> {
      String is = now.facts.get(name);
      if (!was.equals(is)) {
        out.add(Printable.escape(name) + ": was " + Printable.escape(was) + ", now "
            + (is == null ? "absent (or not readable)" : Printable.escape(is)));
      }
    });
    return out;
  }

  void write(ObjectNode o) {
    region.ifPresent(r -> o.put("region", r));
    o.put("digest", digest());
    ObjectNode f = o.putObject("facts");
    facts.forEach(f::put);
  }

  /** Reads the {@code "estate"} object of a plan; the digest must match the facts. */
  static EstateFacts read(Cursor e) {
    e.requireObject();
    e.rejectUnknownKeys(List.of("region", "digest", "facts"));
    Optional<String> region = e.optText("region");
    Map<String, String> facts = new TreeMap<>();
    Cursor f = e.required("facts");
    f.requireObject();
    int n = 0;
    for (Map.Entry<String, Cursor> entry : f.members().entrySet()) {
      if (++n > MAX_FACTS) {
        throw entry.getValue().error("the plan records more than " + MAX_FACTS + " facts.",
            "plan again: eas-net plan records only the facts its changes depend on.");
      }
      facts.put(entry.getKey(), entry.getValue().text());
    }
    EstateFacts out = new EstateFacts(region, facts);
    Optional<String> digest = e.optText("digest");
    if (digest.isPresent() && !digest.get().equals(out.digest())) {
      throw e.get("digest").error("the digest does not match the recorded facts (the estate block was edited).",
          "plan again against the estate as it is, rather than editing \"estate\".");
    }
    return out;
  }
}
