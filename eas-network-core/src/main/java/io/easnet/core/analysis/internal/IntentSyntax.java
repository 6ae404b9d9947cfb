package io.easnet.core.analysis.internal;

import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.Target;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one text form of an {@link Intent}, shared by the command line ({@code eas-net doctor --to rds:rm-1:3306}) and
 * the intents file. {@link #format(Intent)} writes what {@link #parse(String)} reads back to an equal intent.
 *
 * <pre>
 * rds:ID[:PORT]          an RDS instance (the instance's own port when PORT is left out)
 * redis:ID[:PORT]        a Tair (Redis OSS-compatible) instance
 * ecs:ID:PORT            an ECS instance on a TCP port
 * ip:ADDR:PORT           a private address on a TCP port (IPv6 in brackets: ip:[fd00::1]:443)
 * internet[:HOST][:PORT] internet egress, to any address, or to a host name, an address or a block (TCP, 443 by
 *                        default); a suffix ?allowlist=A,B names the external target's allowlist (addresses or
 *                        blocks), which must then hold one of the SNAT EIPs
 * from:ecs:ID            an ECS client that connects to the service directly
 * </pre>
 *
 * <p>For example {@code internet:api.partner.com:8443?allowlist=47.96.0.10,47.96.1.0/28} or
 * {@code internet:203.0.113.0/24}.
 */
public final class IntentSyntax {
  /** The internet port when none is given. */
  public static final int DEFAULT_INTERNET_PORT = 443;

  private static final String FORMS = "rds:ID[:PORT], redis:ID[:PORT], ecs:ID:PORT, ip:ADDR:PORT, "
      + "internet[:HOST][:PORT][?allowlist=A,B] or from:ecs:ID";
  private static final String ALLOWLIST = "?allowlist=";

  private IntentSyntax() {}

  /**
   * Reads an intent.
   *
   * @param text for example {@code rds:rm-1:3306}, {@code internet:oss-cn-hangzhou.aliyuncs.com} or
   *     {@code from:ecs:i-web}
   * @throws InvalidInputException naming the text, what is wrong and the accepted forms
   */
  public static Intent parse(String text) {
    return parse(text, null, "");
  }

  /**
   * As {@link #parse(String)}, with the file and JSON pointer the text came from, for the error message.
   *
   * @param source the file, or {@code null}
   * @param pointer the JSON pointer of the text in that file ({@code ""} on a command line)
   */
  public static Intent parse(String text, String source, String pointer) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    int colon = t.indexOf(':');
    int query = t.indexOf('?');
    String kind;
    String rest;
    if (query >= 0 && (colon < 0 || query < colon)) {
      kind = t.substring(0, query); // internet?allowlist=…
      rest = t.substring(query);
    } else {
      kind = colon < 0 ? t : t.substring(0, colon);
      rest = colon < 0 ? null : t.substring(colon + 1);
    }
    try {
      switch (kind) {
        case "rds":
          return idWithPort(rest, true, (id, port) -> Intent.reach(port.isPresent()
              ? Target.rds(RdsInstanceId.of(id), port.getAsInt()) : Target.rds(RdsInstanceId.of(id))));
        case "redis":
          return idWithPort(rest, true, (id, port) -> Intent.reach(port.isPresent()
              ? Target.redis(RedisInstanceId.of(id), port.getAsInt()) : Target.redis(RedisInstanceId.of(id))));
        case "ecs":
          return idWithPort(rest, false, (id, port) -> Intent.reach(Target.ecs(EcsInstanceId.of(id),
              port.getAsInt())));
        case "ip":
          return address(rest);
        case "internet":
          return internet(rest);
        case "from":
          if (rest == null || !rest.startsWith("ecs:") || rest.length() == 4) {
            throw new IllegalArgumentException("a client is written from:ecs:ID, for example from:ecs:i-web");
          }
          return Intent.client(EcsInstanceId.of(rest.substring(4)));
        default:
          throw new IllegalArgumentException("\"" + kind + "\" is not a kind of target");
      }
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(source, pointer, "\"" + JsonTrees.abbreviate(text) + "\" is not an intent: "
          + e.getMessage(),
          "write one of " + FORMS, e);
    }
  }

  /** The text form of {@code intent}, which {@link #parse(String)} reads back to an equal intent. */
  public static String format(Intent intent) {
    Objects.requireNonNull(intent, "intent");
    if (intent instanceof Intent.Client c) {
      return "from:ecs:" + c.client().value();
    }
    if (intent instanceof Intent.Internet i) {
      InternetTarget t = i.target();
      if (t.protocol() != Protocol.TCP || t.allowlist().map(List::isEmpty).orElse(false)) {
        throw new IllegalArgumentException(intent.describe() + " has no text form (only TCP, and an allowlist that"
            + " is not empty)");
      }
      String host = t.host().or(() -> t.destination().map(IntentSyntax::bracketed))
          .or(() -> t.specific() ? Optional.of(bracketed(t.destinationBlock().toString())) : Optional.empty())
          .map(h -> ":" + h).orElse("");
      String allowlist = t.allowlist().map(a -> ALLOWLIST + String.join(",", a.stream()
          .map(c -> c.isSingleAddress() ? IpAddress.parse(c.toString()).toString() : c.toString()).toList()))
          .orElse("");
      return "internet" + host + (t.port() == DEFAULT_INTERNET_PORT ? "" : ":" + t.port()) + allowlist;
    }
    Target target = ((Intent.Reach) intent).target();
    String port = target.port().isPresent() ? ":" + target.port().getAsInt() : "";
    switch (target.kind()) {
      case RDS:
        return "rds:" + target.resourceId().orElseThrow().value() + port;
      case REDIS:
        return "redis:" + target.resourceId().orElseThrow().value() + port;
      case ECS:
        return "ecs:" + target.resourceId().orElseThrow().value() + port;
      default:
        if (target.protocol() != Protocol.TCP) {
          throw new IllegalArgumentException(intent.describe() + " has no text form (only TCP)");
        }
        return "ip:" + bracketed(target.address().orElseThrow()) + port;
    }
  }

  private static String bracketed(IpAddress a) {
    return bracketed(a.toString());
  }

  private static String bracketed(String s) {
    return s.indexOf(':') >= 0 ? "[" + s + "]" : s;
  }

  private interface IdPort {
    Intent make(String id, OptionalInt port);
  }

  private static Intent idWithPort(String rest, boolean portOptional, IdPort make) {
    if (rest == null || rest.isEmpty() || rest.startsWith(":")) {
      throw new IllegalArgumentException("the instance id is missing");
    }
    int colon = rest.indexOf(':');
    if (colon < 0) {
      if (!portOptional) {
        throw new IllegalArgumentException("the port is missing (an ECS target needs one: ecs:ID:PORT)");
      }
      return make.make(rest, OptionalInt.empty());
    }
    return make.make(rest.substring(0, colon), OptionalInt.of(port(rest.substring(colon + 1))));
  }

  private static Intent address(String rest) {
    if (rest == null || rest.isEmpty()) {
      throw new IllegalArgumentException("the address is missing");
    }
    String addr;
    String after;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("\"[\" without \"]\" around an IPv6 address");
      }
      addr = rest.substring(1, close);
      after = rest.substring(close + 1);
      if (!after.startsWith(":")) {
        throw new IllegalArgumentException("the port is missing (ip:[ADDR]:PORT)");
      }
      after = after.substring(1);
    } else {
      int colon = rest.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("the port is missing (ip:ADDR:PORT)");
      }
      addr = rest.substring(0, colon);
      after = rest.substring(colon + 1);
      if (addr.indexOf(':') >= 0) {
        throw new IllegalArgumentException("write an IPv6 address in brackets: ip:[" + addr + "]:" + after);
      }
    }
    return Intent.reach(Target.address(IpAddress.parse(addr), port(after), Protocol.TCP));
  }

  private static Intent internet(String rest) {
    int q = rest == null ? -1 : rest.indexOf('?');
    if (q < 0) {
      return Intent.internet(internetTarget(rest));
    }
    String suffix = rest.substring(q);
    if (!suffix.startsWith(ALLOWLIST) || suffix.length() == ALLOWLIST.length()) {
      throw new IllegalArgumentException("after \"?\" write allowlist=A,B (addresses or blocks), e.g. "
          + "?allowlist=47.96.0.10,47.96.1.0/28");
    }
    List<Cidr> allowlist = new ArrayList<>();
    for (String entry : suffix.substring(ALLOWLIST.length()).split(",", -1)) {
      allowlist.add(Cidr.parse(entry.strip()));
    }
    return Intent.internet(internetTarget(q == 0 ? null : rest.substring(0, q)).withAllowlist(allowlist));
  }

  private static InternetTarget internetTarget(String rest) {
    if (rest == null) {
      return InternetTarget.any(DEFAULT_INTERNET_PORT);
    }
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("nothing after \"internet:\"");
    }
    String host;
    String portText = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("\"[\" without \"]\" around an IPv6 address");
      }
      host = rest.substring(1, close);
      String after = rest.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw new IllegalArgumentException("expected \":PORT\" after \"]\"");
        }
        portText = after.substring(1);
      }
      return addressOrBlock(host, port(portText));
    }
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      host = rest.substring(0, colon);
      portText = rest.substring(colon + 1);
    } else if (rest.chars().allMatch(Character::isDigit)) {
      return InternetTarget.any(port(rest));
    } else {
      host = rest;
    }
    int port = port(portText);
    if (host.indexOf('/') >= 0 || host.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.')) {
      return addressOrBlock(host, port);
    }
    return InternetTarget.host(host, port);
  }

  private static InternetTarget addressOrBlock(String text, int port) {
    Cidr block = Cidr.parse(text);
    return block.isSingleAddress() ? InternetTarget.to(IpAddress.parse(text), port) : InternetTarget.to(block, port);
  }

  private static int port(String text) {
    if (text == null) {
      return DEFAULT_INTERNET_PORT;
    }
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("\"" + text + "\" is not a port (1 to 65535)");
    }
    int p = Integer.parseInt(text);
    if (p < 1 || p > 65535) {
      throw new IllegalArgumentException(p + " is not a port (1 to 65535)");
    }
    return p;
  }
}
