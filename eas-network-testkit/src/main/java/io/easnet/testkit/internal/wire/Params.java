package io.easnet.testkit.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.IpAddress;
import io.easnet.core.spi.CloudPort.ClientToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads a call's parameters into the port's types. Every failure is Alibaba's {@code MissingParameter} or
 * {@code InvalidParameter} naming the parameter, what it holds and what it should hold; nothing is dropped silently.
 */
public final class Params {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The common parameters of an RPC request: not part of what a client token stands for. */
  private static final Set<String> COMMON = Set.of("Action", "Version", "Format", "AccessKeyId", "SignatureMethod",
      "SignatureVersion", "SignatureNonce", "SignatureType", "Timestamp", "Signature", "SecurityToken",
      "ClientToken");

  private Params() {}

  /** A parameter that must be present and non-empty. */
  public static String required(Call call, String name) {
    String v = call.parameter(name);
    if (v.isEmpty()) {
      throw AlibabaError.missingParameter(name);
    }
    return v;
  }

  /** A parameter, when present and non-empty. */
  public static Optional<String> optional(Call call, String name) {
    String v = call.parameter(name);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** A required id, parsed by {@code parse} (a typed id's {@code of}). */
  public static <T> T id(Call call, String name, Function<String, T> parse) {
    return parse(name, required(call, name), parse);
  }

  public static <T> Optional<T> optionalId(Call call, String name, Function<String, T> parse) {
    return optional(call, name).map(v -> parse(name, v, parse));
  }

  /** Parses one value of parameter {@code name}, turning the model's refusal into {@code InvalidParameter}. */
  public static <T> T parse(String name, String value, Function<String, T> parse) {
    try {
      return parse.apply(value.trim());
    } catch (IllegalArgumentException e) {
      throw AlibabaError.invalidParameter("The specified parameter \"" + name + "\" is not valid: " + e.getMessage());
    }
  }

  /**
   * A list parameter: a JSON array of strings ({@code ["a","b"]}, as ECS takes {@code InstanceIds}) or a comma list
   * ({@code a,b}, as VPC and RDS take ids); empty when absent.
   */
  public static List<String> list(Call call, String name) {
    String v = call.parameter(name).trim();
    List<String> out = new ArrayList<>();
    if (v.isEmpty()) {
      return out;
    }
    if (v.startsWith("[")) {
      JsonNode array;
      try {
        array = JSON.readTree(v);
      } catch (IOException e) {
        throw AlibabaError.invalidParameter("The specified parameter \"" + name + "\" is not valid: it starts with"
            + " '[' but is no JSON array (" + e.getMessage().lines().findFirst().orElse("") + ").");
      }
      if (!array.isArray()) {
        throw AlibabaError.invalidParameter("The specified parameter \"" + name + "\" is not valid: not a JSON array.");
      }
      for (JsonNode n : array) {
        if (!n.isTextual()) {
          throw AlibabaError.invalidParameter("The specified parameter \"" + name + "\" is not valid: " + n
              + " is not a string; send [\"id-1\",\"id-2\"].");
        }
        out.add(n.asText());
      }
      return out;
    }
    for (String part : v.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  /** A list of typed ids. */
  public static <T> List<T> ids(Call call, String name, Function<String, T> parse) {
    return list(call, name).stream().map(v -> parse(name, v, parse)).toList();
  }

  /** A comma list of addresses ({@code SnatIp}). */
  public static List<IpAddress> addresses(Call call, String name) {
    return ids(call, name, IpAddress::parse);
  }

  /**
   * A comma list of allowlist entries ({@code SecurityIps}): addresses or blocks, IPv4, prefix 1 to 32 or
   * {@code 0.0.0.0/0}. A bad entry is {@code InvalidSecurityIPList.Malformed}, as RDS answers.
   */
  public static List<Cidr> allowlistEntries(Call call, String name) {
    List<Cidr> out = new ArrayList<>();
    for (String part : required(call, name).split(",")) {
      String entry = part.trim();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        out.add(Cidr.parse(entry));
      } catch (IllegalArgumentException e) {
        throw AlibabaError.of(400, "InvalidSecurityIPList.Malformed", "The specified parameter \"" + name
            + "\" is not valid: entry \"" + entry + "\" is no IPv4 address or CIDR block (" + e.getMessage() + ").");
      }
    }
    if (out.isEmpty()) {
      throw AlibabaError.missingParameter(name);
    }
    return out;
  }

  /** An integer parameter in a range, or {@code absent}. */
  public static int integer(Call call, String name, int absent, int minimum, int maximum) {
    String text = call.parameter(name).trim();
    if (text.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= minimum && value <= maximum) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // refused below
    }
    throw AlibabaError.invalidParameter("The specified parameter \"" + name + "\" is not valid: \"" + text
        + "\" is not an integer from " + minimum + " to " + maximum + ".");
  }

  /** The client token, when sent; at most 64 printable ASCII characters. */
  public static Optional<ClientToken> clientToken(Call call) {
    return optional(call, "ClientToken").map(v -> parse("ClientToken", v, ClientToken::of));
  }

  /**
   * What a client token stands for: every parameter but the common ones and the token itself, sorted, as
   * {@code name=value} lines. Two requests with one token and the same text are the same request.
   */
  public static String tokenParameters(Call call) {
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    call.request().parameters().forEach(p -> {
      if (!COMMON.contains(p.name())) {
        sorted.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.value());
      }
    });
    StringBuilder out = new StringBuilder();
    sorted.forEach((k, v) -> out.append(k).append('=').append(String.join(",", v)).append('\n'));
    return out.toString();
  }
}
