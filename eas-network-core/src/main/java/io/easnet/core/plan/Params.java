package io.easnet.core.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.Printable;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** How a change reads and writes its parameters in plan JSON: ids of their kind, CIDR blocks, references. */
final class Params {
  private Params() {}

  static String text(Cursor p, String key) {
    return p.required(key).text();
  }

  /** An optional SHA-256 in hex (64 lowercase hex digits). */
  static String sha256(Cursor p, String key) {
    Optional<Cursor> c = p.opt(key);
    if (c.isEmpty()) {
      return null;
    }
    String v = c.get().text();
    if (!v.matches("[0-9a-f]{64}")) {
      throw c.get().error("\"" + Printable.escape(JsonTrees.abbreviate(v)) + "\" is not a SHA-256 digest.",
          "write the digest as eas-net plan wrote it (64 lowercase hex digits), or plan again.");
    }
    return v;
  }

  /** A literal of the kind {@code parser} reads. */
  static String id(Cursor p, String key, Function<String, ?> parser) {
    Cursor c = p.required(key);
    c.as(parser, "write the value as the plan writer wrote it");
    return c.text();
  }

  /** A literal of the kind {@code parser} reads, or a reference {@code ${change-N.output}}. */
  static String value(Cursor p, String key, Function<String, ?> parser) {
    return value(p.required(key), parser);
  }

  static String value(Cursor c, Function<String, ?> parser) {
    String v = c.text();
    if (v.startsWith("${")) {
      if (!REF.matcher(v).matches()) {
        throw c.error("\"" + v + "\" is not a reference.", "write ${change-N.OUTPUT}, e.g. ${change-1.natGatewayId}.");
      }
      String stand = OUTPUT_STAND_INS.get(Refs.outputOf(v));
      if (stand != null) {
        // the output must be of the parameter's kind: an address is no NAT gateway id
        try {
          Object unused = parser.apply(stand);
        } catch (IllegalArgumentException e) {
          throw c.error("the reference " + v + " names " + Refs.outputOf(v) + ", which is not the kind of value this"
              + " parameter takes.", "refer to an output of the parameter's kind, e.g. ${change-1.natGatewayId} for"
              + " a NAT gateway, ${change-2.eipId} for an EIP, ${change-2.ipAddress} for a SNAT IP.");
        }
      }
      return v;
    }
    c.as(parser, "write the value as the plan writer wrote it, or a reference ${change-N.OUTPUT}");
    return v;
  }

  static List<String> ids(Cursor p, String key, Function<String, ?> parser, boolean refs) {
    Cursor list = p.required(key);
    if (!list.isArray()) {
      throw list.error("\"" + key + "\" must be an array but this is " + Cursor.describe(list.node()) + ".",
          "write an array of strings.");
    }
    List<String> out = new ArrayList<>();
    for (Cursor c : list.elements()) {
      if (refs) {
        out.add(value(c, parser));
      } else {
        c.as(parser, "write the value as the plan writer wrote it");
        out.add(c.text());
      }
    }
    return out;
  }

  /**
   * What each output of a change stands for, as a value of its kind (what the planner's in-memory edit creates), so
   * that a reference is checked against the kind of the parameter that holds it.
   */
  static final java.util.Map<String, String> OUTPUT_STAND_INS = java.util.Map.of("natGatewayId", "ngw-planned1",
      "snatTableId", "stb-planned1", "eipId", "eip-planned1", "ipAddress", "47.254.0.1");

  /** A reference as the plan writes it. */
  static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("\\$\\{change-[1-9][0-9]*\\.[A-Za-z]+\\}");

  static void array(ObjectNode p, String key, List<String> values) {
    ArrayNode a = p.putArray(key);
    values.forEach(a::add);
  }
}
