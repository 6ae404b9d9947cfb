package io.easnet.cli;

import io.easnet.core.analysis.Explanation.ExplanationCode;
import java.io.IOException;
import io.easnet.core.internal.Printable;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "probe", mixinStandardHelpOptions = true,
    description = {"The EAS FAQ's internet test, made readable: prints a start-up snippet that fetches a URL from"
        + " the instance, then (--log FILE) reads the instance log and says what failed.",
        "Without --log: prints a start-up command snippet to put in front of the service's Command; it installs"
            + " curl when the image lacks it (apt-get on debian/ubuntu, apk on alpine), calls the URL once, and"
            + " prints one marker line per step:",
        "  EASNET-PROBE key=value ...",
        "With --log FILE: reads an instance log holding those lines and says what failed (DNS, connect timeout,"
            + " TLS, HTTP status) and which analysis codes explain it."},
    footerHeading = "%nExamples:%n",
    footer = {"  eas-net probe --image ubuntu",
        "  eas-net probe --image alpine --url https://oss-cn-hangzhou.aliyuncs.com --command 'python app.py'",
        "  eas-net probe --log instance.log",
        "",
        "Exit codes: 0 snippet printed or the probe succeeded, 1 the log shows a failure, 2 bad input."})
final class ProbeCommand implements Callable<Integer> {
  /** The prefix of every line the snippet prints. */
  static final String MARKER = "EASNET-PROBE";

  enum Image { DEBIAN, UBUNTU, ALPINE, OTHER }

  @ParentCommand RootCommand root;

  @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "other",
      description = "The base image family: debian, ubuntu, alpine or other (assumes curl; default).")
  Image image;

  @Option(names = "--url", paramLabel = "URL", defaultValue = "https://www.aliyun.com",
      description = "The URL to fetch (default: ${DEFAULT-VALUE}, as in the FAQ).")
  String url;

  @Option(names = "--command", paramLabel = "CMD",
      description = "The service's own start command, run after the probe whatever its result.")
  String command;

  @Option(names = "--log", paramLabel = "FILE", description = "Read an instance log and explain the probe's"
      + " result.")
  Path log;

  @Override
  public Integer call() {
    if (log != null) {
      Diagnosis d = diagnose(log);
      ReportOptions.writeTo(null, d.text(), root.spec.commandLine().getOut());
      return d.ok() ? EasNet.EXIT_OK : EasNet.EXIT_BLOCKING;
    }
    if (!url.matches("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?(/[A-Za-z0-9._~/\\-]*)?")) {
      throw CliFailure.usage("--url " + url + " is not a plain http(s) URL: write https://HOST[:PORT][/PATH]"
          + " without quotes, spaces or query");
    }
    ReportOptions.writeTo(null, snippet(image, url, command), root.spec.commandLine().getOut());
    return EasNet.EXIT_OK;
  }

  /** The shell snippet for the service's Command field (POSIX sh). */
  static String snippet(Image image, String url, String command) {
    String install;
    switch (image) {
      case DEBIAN:
      case UBUNTU:
        install = "(apt-get update -qq && apt-get install -y -qq curl ca-certificates) >/dev/null 2>&1";
        break;
      case ALPINE:
        install = "apk add --no-cache curl ca-certificates >/dev/null 2>&1";
        break;
      default:
        install = null; // --image other installs nothing, and its log says so (never "install exit=0")
        break;
    }
    String host = url.replaceFirst("https?://", "").replaceFirst("[:/].*", "");
    StringBuilder sb = new StringBuilder();
    sb.append("echo \"").append(MARKER).append(" step=start url=").append(url).append(" host=").append(host)
        .append("\"; ");
    if (install != null) {
      sb.append("if ! command -v curl >/dev/null 2>&1; then ").append(install).append("; echo \"").append(MARKER)
          .append(" step=install exit=$?\"; fi; ");
    }
    sb.append("if command -v curl >/dev/null 2>&1; then ");
    sb.append("code=$(curl -sS -o /dev/null --connect-timeout 5 -m 15 -w '%{http_code}' ").append(url)
        .append(" 2>/tmp/easnet-probe.err); rc=$?; ");
    sb.append("echo \"").append(MARKER).append(" step=curl exit=$rc http_status=$code\"; ");
    sb.append("echo \"").append(MARKER).append(" step=error $(head -c 300 /tmp/easnet-probe.err | tr '\\n' ' ')\"; ");
    sb.append("else echo \"").append(MARKER).append(" step=curl skipped=no-curl").append(install == null
        ? " install=none" : "").append("\"; fi; ");
    sb.append("echo \"").append(MARKER).append(" step=end\"");
    if (command != null && !command.isBlank()) {
      sb.append("; ").append(command);
    }
    return "# Put this in front of the service's Command (the probe never stops the service from starting):\n"
        + sb + "\n";
  }

  /** The longest line kept of a log, in bytes; the rest of a longer line is skipped (marker lines are short). */
  static final int MAX_LINE_BYTES = 64 * 1024;

  /**
   * Reads the log file as a stream, line by line, keeping at most {@value #MAX_LINE_BYTES} bytes of a line: a log of
   * any size (a 2 GiB one with no line break included) is read in constant memory.
   */
  static Diagnosis diagnose(Path file) {
    String name = Printable.escape(file.toString());
    Diagnoser d = new Diagnoser();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      byte[] line = new byte[MAX_LINE_BYTES];
      int length = 0;
      boolean truncated = false;
      long lineNumber = 1;
      int n;
      while ((n = in.read(buf)) > 0) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            int take = Math.min(i - start, MAX_LINE_BYTES - length);
            System.arraycopy(buf, start, line, length, take);
            length += take;
            d.line(decode(line, length, truncated || take < i - start, name, lineNumber));
            length = 0;
            truncated = false;
            lineNumber++;
            start = i + 1;
          }
        }
        int take = Math.min(n - start, MAX_LINE_BYTES - length);
        System.arraycopy(buf, start, line, length, take);
        length += take;
        truncated |= take < n - start;
      }
      if (length > 0 || truncated) {
        d.line(decode(line, length, truncated, name, lineNumber));
      }
    } catch (NoSuchFileException e) {
      throw CliFailure.usage(name + ": no such file. Fix: save the instance log (EAS console, Logs) to a file and"
          + " pass its path to --log");
    } catch (IOException e) {
      throw new CliFailure(EasNet.EXIT_CLOUD, "cannot read " + name + ": " + Printable.escape(e.getMessage()), e);
    }
    return d.finish(file.toString());
  }

  /** A line as text: a whole line must be UTF-8; a cut one may end inside a character, which is dropped. */
  private static String decode(byte[] bytes, int length, boolean truncated, String file, long lineNumber) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onUnmappableCharacter(CodingErrorAction.REPORT)
        .onMalformedInput(truncated ? CodingErrorAction.IGNORE : CodingErrorAction.REPORT);
    try {
      String s = decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
      return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    } catch (CharacterCodingException e) {
      throw CliFailure.usage(file + ": line " + lineNumber + " is not UTF-8 text. Fix: save the instance log as"
          + " text");
    }
  }

  /** What the log says, and whether the internet was reached. */
  record Diagnosis(boolean ok, String text) {}

  /** Reads the marker lines of {@code log} and explains the last probe run in it. */
  static Diagnosis diagnose(String log, String source) {
    Diagnoser d = new Diagnoser();
    for (String line : log.split("\r?\n")) {
      d.line(line);
    }
    return d.finish(source);
  }

  /** The marker lines seen so far: the steps of the last probe run. */
  private static final class Diagnoser {
    private final Map<String, Map<String, String>> steps = new LinkedHashMap<>();
    private String error = "";

    void line(String line) {
      int at = line.indexOf(MARKER + " step=");
      if (at < 0) {
        return;
      }
      String rest = line.substring(at + MARKER.length() + 1);
      if (rest.startsWith("step=start")) {
        steps.clear();
        error = "";
      }
      if (rest.startsWith("step=error")) {
        error = rest.substring("step=error".length()).strip();
        return;
      }
      Map<String, String> kv = new LinkedHashMap<>();
      for (String part : rest.trim().split("\\s+")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
      steps.put(kv.getOrDefault("step", ""), kv);
    }

    Diagnosis finish(String source) {
      return explain(steps, error, source);
    }
  }

  private static Diagnosis explain(Map<String, Map<String, String>> steps, String error, String source) {
    Map<String, String> start = steps.get("start");
    Map<String, String> curl = steps.get("curl");
    if (start == null || curl == null) {
      throw CliFailure.usage(source + ": no complete probe output (lines starting " + MARKER + " step=start and"
          + " step=curl). Fix: add the snippet of eas-net probe to the service's Command, redeploy, and save the"
          + " instance log from the start");
    }
    String url = start.getOrDefault("url", "?");
    String host = start.getOrDefault("host", "?");
    int exit = number(curl.get("exit"));
    int status = number(curl.get("http_status"));
    Optional<Integer> installExit = Optional.ofNullable(steps.get("install")).map(m -> number(m.get("exit")));
    boolean noCurl = "no-curl".equals(curl.get("skipped")) || exit == 127; // 127: logs of the earlier snippet
    StringBuilder sb = new StringBuilder();
    boolean ok;
    if (noCurl) {
      ok = false;
      sb.append("NO CURL: curl is not in the image, so nothing was fetched");
      if ("none".equals(curl.get("install")) || (installExit.isEmpty() && exit != 127)) {
        sb.append(" (the snippet for --image other installs nothing)");
      } else if (installExit.isPresent() && installExit.get() != 0) {
        sb.append(" and installing it failed (exit ").append(installExit.get()).append("): the package mirror"
            + " was not reachable either, which itself points at missing internet egress");
      }
      sb.append(".\n  Fix: use --image debian|ubuntu|alpine for the snippet, or an image with curl; then check"
          + " the egress path with eas-net doctor --to internet:").append(host).append(" (")
          .append(codes(ExplanationCode.NAT_MISSING, ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE,
              ExplanationCode.ROUTE_NO_NAT)).append(")\n");
    } else if (exit == 0 && status >= 200 && status < 400) {
      ok = true;
      sb.append("OK: the instance reached ").append(url).append(" (HTTP ").append(status).append(").")
          .append(" Internet egress works: NAT gateway, EIP, SNAT entry and route are in place.\n");
    } else if (exit == 0) {
      ok = false;
      sb.append("HTTP ").append(status).append(": the instance reached ").append(host).append(" over the"
          + " internet, and the server refused the request. The network path works.\n");
      if (status == 403) {
        sb.append("  A 403 from a service with an IP allowlist means the allowlist lacks the NAT gateway's EIP:"
            + " ").append(codes(ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP)).append('\n');
      }
      sb.append("  Fix: check the URL, credentials and the target's access rules.\n");
    } else {
      ok = false;
      sb.append(Reading.of(exit, error).text(url, host));
    }
    if (!error.isEmpty() && !ok) {
      sb.append("  curl said: ").append(error).append('\n');
    }
    return new Diagnosis(ok, sb.toString());
  }

  /** curl's exit codes that mean TLS failed after the TCP connection was made (libcurl-errors(3)). */
  static final Set<Integer> TLS_EXITS = Set.of(35, 51, 53, 54, 58, 59, 60, 77, 80, 82, 83, 90, 91);

  /** What the path did, as far as one failed curl run tells. */
  enum Outcome {
    /** Nothing came back: the packets were dropped on the way (NAT, SNAT, route, security group egress). */
    NO_ANSWER,
    /** A TCP connection, or at least an answer (a refusal, a reset), came back: the network path works. */
    ANSWERED,
    /** Before the network: DNS, the URL, the proxy, the image. */
    BEFORE_NETWORK,
    /** The exit code alone does not say. */
    UNKNOWN
  }

  /**
   * The reading of one failed curl exit code and its error line (curl -sS writes {@code curl: (7) Failed to connect
   * to HOST port 443 after 2 ms: Connection refused}), by libcurl-errors(3); docs/cli.md lists the table.
   */
  record Reading(String headline, Outcome path, String meaning, String fix, List<ExplanationCode> codes) {
    static Reading of(int exit, String error) {
      String e = error.toLowerCase(Locale.ROOT);
      switch (exit) {
        case 5:
          return new Reading("PROXY", Outcome.BEFORE_NETWORK, "curl could not resolve the proxy it was told to use"
              + " (curl exit 5)", "check the http_proxy/https_proxy variables of the service", List.of());
        case 6:
          return new Reading("DNS", Outcome.BEFORE_NETWORK, "the instance could not resolve HOST (curl exit 6)."
              + " In a VPC, Alibaba Cloud's resolvers (100.100.2.136, 100.100.2.138) answer without internet"
              + " access, so check the host name, any PrivateZone that shadows it, and that the security group's"
              + " egress rules allow UDP/TCP 53", "correct the host name or the PrivateZone record",
              List.of(ExplanationCode.SG_EGRESS_DENIES));
        case 7:
          if (e.contains("connection refused")) {
            return new Reading("CONNECTION REFUSED", Outcome.ANSWERED, "the instance resolved HOST and its"
                + " connection was refused (curl exit 7: Connection refused): the refusal came back, so packets"
                + " leave the VPC and return (NAT gateway, EIP, SNAT entry and route work). The port is closed"
                + " on the target, or a firewall in front of it rejects the connection", "check the URL's port"
                + " and that the server listens on it; a NAT or SNAT change does not help", List.of());
          }
          if (e.contains("no route to host") || e.contains("network is unreachable")) {
            return new Reading("NO ROUTE", Outcome.NO_ANSWER, "the instance resolved HOST but has no route to it"
                + " (curl exit 7: " + (e.contains("no route") ? "No route to host" : "Network is unreachable")
                + "): a VPC reaches the internet only through a 0.0.0.0/0 route to an Internet NAT gateway with"
                + " an EIP and an SNAT entry for the EAS vSwitch", DOCTOR,
                List.of(ExplanationCode.ROUTE_NO_NAT, ExplanationCode.NAT_MISSING,
                    ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE));
          }
          return new Reading("CONNECT FAILED", Outcome.UNKNOWN, "the instance resolved HOST but could not connect"
              + " (curl exit 7); curl's error line says why: \"Connection refused\" means the target answered"
              + " (the path works, the port is closed), \"No route to host\" or a timeout means the packets"
              + " did not get through", DOCTOR, EGRESS);
        case 28:
          if (e.contains("operation timed out") && !e.contains("connect")) {
            return new Reading("SLOW ANSWER", Outcome.UNKNOWN, "the instance connected to HOST within the connect"
                + " timeout (5 s) but the whole request did not finish in 15 s (curl exit 28: " + "Operation"
                + " timed out). The connection was made, so the path very likely works; the server, TLS or a"
                + " large answer is slow", "check the server, or fetch a smaller URL", List.of());
          }
          return new Reading("CONNECT TIMEOUT", Outcome.NO_ANSWER, "the instance resolved HOST but no connection"
              + " came back within 5 s (curl exit 28). Packets to the internet leave a VPC only through an"
              + " Internet NAT gateway with an EIP, an SNAT entry for the EAS vSwitch and a 0.0.0.0/0 route to"
              + " the NAT, and only where the security group's egress allows it", DOCTOR, EGRESS);
        case 52:
          return new Reading("EMPTY REPLY", Outcome.ANSWERED, "the instance connected to HOST and the server closed"
              + " the connection without an answer (curl exit 52: Empty reply from server). The network path"
              + " works", "check the server (wrong port or protocol, e.g. http:// to a TLS port) or a proxy in"
              + " front of it", List.of());
        case 55:
        case 56:
          return new Reading("CONNECTION RESET", Outcome.ANSWERED, "the instance connected to HOST and the"
              + " connection was then broken (curl exit " + exit + (exit == 56 ? ": receiving failed, e.g."
              + " Connection reset by peer" : ": sending failed") + "). A connection was made, so the route,"
              + " NAT and SNAT work; the server or a firewall in front of it reset it", "check the server, and"
              + " any firewall or allowlist in front of it", List.of());
        case 47:
          return new Reading("TOO MANY REDIRECTS", Outcome.ANSWERED, "HOST answered with redirects that never"
              + " ended (curl exit 47). The network path works", "fetch the final URL", List.of());
        case 1:
        case 3:
          return new Reading("BAD URL", Outcome.BEFORE_NETWORK, "curl did not accept the URL (curl exit " + exit
              + ")", "pass a plain https://HOST[:PORT][/PATH] to --url", List.of());
        default:
          if (TLS_EXITS.contains(exit)) {
            return new Reading("TLS", Outcome.ANSWERED, "the connection to HOST was made but TLS failed (curl"
                + " exit " + exit + (exit == 60 ? ": the server's certificate could not be verified" : exit == 35
                    ? ": the TLS handshake failed" : "") + "). The network path works", "install"
                + " ca-certificates in the image, check the system clock, and check no proxy intercepts HTTPS",
                List.of());
          }
          return new Reading("FAILED", Outcome.UNKNOWN, "curl exit " + exit + " fetching URL; see"
              + " https://curl.se/libcurl/c/libcurl-errors.html", DOCTOR, List.of());
      }
    }

    /** The reading as the report prints it. */
    String text(String url, String host) {
      String m = meaning.replace("HOST", host).replace("URL", url);
      StringBuilder sb = new StringBuilder(headline).append(": ").append(m).append(".\n");
      if (!codes.isEmpty()) {
        sb.append("  Analysis codes: ").append(String.join(", ", codes.stream().map(Enum::name).toList()))
            .append('\n');
      }
      sb.append("  Fix: ").append(fix.replace("HOST", host)).append(".\n");
      return sb.toString();
    }
  }

  private static final String DOCTOR = "run eas-net doctor --snapshot FILE --service FILE --to internet:HOST,"
      + " which names the missing piece and its fix (rule EASNET-019)";

  private static final List<ExplanationCode> EGRESS = List.of(ExplanationCode.NAT_MISSING,
      ExplanationCode.NAT_NO_EIP, ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE, ExplanationCode.ROUTE_NO_NAT,
      ExplanationCode.SG_EGRESS_DENIES);

  private static String codes(ExplanationCode... codes) {
    return String.join(", ", List.of(codes).stream().map(Enum::name).toList());
  }

  private static int number(String s) {
    try {
      return s == null ? -1 : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

}
