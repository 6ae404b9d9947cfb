package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {
  @Test
  void snippetInstallsCurlForTheImageFamily() {
    Cli.Result ubuntu = Cli.run("probe", "--image", "ubuntu");
    assertThat(ubuntu.code()).isZero();
    assertThat(ubuntu.out()).contains("apt-get update").contains("apt-get install -y -qq curl")
        .contains("EASNET-PROBE step=start url=https://www.aliyun.com host=www.aliyun.com")
        .contains("step=curl exit=$rc http_status=$code");
    assertThat(Cli.run("probe", "--image", "alpine").out()).contains("apk add --no-cache curl")
        .doesNotContain("apt-get");
    assertThat(Cli.run("probe").out()).doesNotContain("apt-get").doesNotContain("apk add");
    assertThat(Cli.run("probe", "--command", "python app.py").out()).contains("step=end\"; python app.py");
    assertThat(Cli.run("probe", "--url", "https://x.com/a b;rm").code()).isEqualTo(2);
  }

  /** The snippet really runs: a POSIX shell with a stub curl prints the markers the log reader understands. */
  @Test
  void theSnippetsOutputIsWhatTheLogReaderReads(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path curl = bin.resolve("curl");
    Files.writeString(curl, "#!/bin/sh\necho 'curl: (28) Connection timed out after 5001 milliseconds' >&2\n"
        + "printf 000\nexit 28\n");
    curl.toFile().setExecutable(true);
    String snippet = Cli.run("probe").out().lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", snippet).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Path file = dir.resolve("instance.log");
    Files.writeString(file, "2026-12-01 10:00:00 starting\n" + log);
    Cli.Result r = Cli.run("probe", "--log", file.toString());
    assertThat(r.code()).as(log + r).isEqualTo(1);
    assertThat(r.out()).startsWith("CONNECT TIMEOUT").contains("SNAT_NO_ENTRY_FOR_SOURCE").contains("ROUTE_NO_NAT")
        .contains("eas-net doctor").contains("Connection timed out");
  }

  @Test
  void eachFailureIsNamedWithTheCodesThatExplainIt(@TempDir Path dir) throws Exception {
    assertThat(diagnose(dir, "curl exit=0 http_status=200")).startsWith("OK:");
    assertThat(diagnose(dir, "curl exit=6 http_status=000")).startsWith("DNS:").contains("SG_EGRESS_DENIES");
    assertThat(diagnose(dir, "curl exit=7 http_status=000")).startsWith("CONNECT FAILED").contains("NAT_NO_EIP");
    assertThat(diagnose(dir, "curl exit=60 http_status=000")).startsWith("TLS:").contains("ca-certificates");
    assertThat(diagnose(dir, "curl exit=0 http_status=403")).startsWith("HTTP 403")
        .contains("EXTERNAL_ALLOWLIST_MISSING_EIP");
    assertThat(diagnose(dir, "curl exit=127 http_status=000")).startsWith("NO CURL");
  }

  /**
   * Every curl exit code the probe interprets, with the error line curl -sS prints: whether the reading blames the
   * egress path (NAT, SNAT, route) must follow from whether anything answered. A refusal, a reset, an empty reply
   * and a TLS failure all came back from the far end: the path works, and the reading says so.
   */
  @Test
  void eachCurlExitCodeGetsTheReadingOfWhatHappened(@TempDir Path dir) throws Exception {
    record Row(int exit, String error, String headline, boolean blamesEgress, String says) {}
    List<Row> table = List.of(
        new Row(6, "curl: (6) Could not resolve host: www.aliyun.com", "DNS:", false, "could not resolve"),
        new Row(5, "curl: (5) Could not resolve proxy: proxy.local", "PROXY:", false, "proxy"),
        new Row(7, "curl: (7) Failed to connect to www.aliyun.com port 443 after 3 ms: Connection refused",
            "CONNECTION REFUSED:", false, "leave the VPC and return"),
        new Row(7, "curl: (7) Failed to connect to www.aliyun.com port 443 after 3 ms: Couldn't connect to server",
            "CONNECT FAILED:", true, "Connection refused\" means the target answered"),
        new Row(7, "curl: (7) Failed to connect to 1.2.3.4 port 443: No route to host", "NO ROUTE:", true,
            "no route"),
        new Row(7, "curl: (7) Failed to connect to 1.2.3.4 port 443: Network is unreachable", "NO ROUTE:", true,
            "Network is unreachable"),
        new Row(28, "curl: (28) Connection timed out after 5001 milliseconds", "CONNECT TIMEOUT:", true,
            "no connection came back"),
        new Row(28, "curl: (28) Failed to connect to www.aliyun.com port 443 after 5001 ms: Timeout was reached",
            "CONNECT TIMEOUT:", true, "no connection came back"),
        new Row(28, "curl: (28) Operation timed out after 15001 milliseconds with 0 bytes received",
            "SLOW ANSWER:", false, "connection was made"),
        new Row(35, "curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL", "TLS:", false, "handshake failed"),
        new Row(60, "curl: (60) SSL certificate problem: unable to get local issuer certificate", "TLS:", false,
            "could not be verified"),
        new Row(52, "curl: (52) Empty reply from server", "EMPTY REPLY:", false, "network path works"),
        new Row(56, "curl: (56) Recv failure: Connection reset by peer", "CONNECTION RESET:", false,
            "route, NAT and SNAT work"),
        new Row(55, "curl: (55) Send failure: Broken pipe", "CONNECTION RESET:", false, "sending failed"),
        new Row(47, "curl: (47) Maximum (50) redirects followed", "TOO MANY REDIRECTS:", false,
            "network path works"),
        new Row(3, "curl: (3) URL using bad/illegal format or missing URL", "BAD URL:", false, "--url"),
        new Row(99, "curl: (99) something new", "FAILED:", false, "libcurl-errors"));
    for (Row row : table) {
      Path f = Files.createTempFile(dir, "probe", ".log");
      Files.writeString(f, "EASNET-PROBE step=start url=https://www.aliyun.com host=www.aliyun.com\n"
          + "EASNET-PROBE step=curl exit=" + row.exit() + " http_status=000\n"
          + "EASNET-PROBE step=error " + row.error() + "\nEASNET-PROBE step=end\n");
      Cli.Result r = Cli.run("probe", "--log", f.toString());
      assertThat(r.code()).as(row + " " + r).isEqualTo(1);
      assertThat(r.out()).as(row.toString()).startsWith(row.headline()).contains(row.says())
          .contains("curl said: " + row.error());
      boolean blames = r.out().contains("SNAT_NO_ENTRY_FOR_SOURCE") || r.out().contains("ROUTE_NO_NAT");
      assertThat(blames).as("blames NAT/SNAT/route: " + row + "\n" + r.out()).isEqualTo(row.blamesEgress());
      if (!row.blamesEgress() && row.headline().matches("(CONNECTION|EMPTY|TLS|TOO).*")) {
        assertThat(r.out()).as(row.toString()).doesNotContain("no connection came back");
      }
    }
  }

  /**
   * The log lines claim only what happened: with --image other the snippet installs nothing, so the log has no
   * install line (never "install exit=0"), and without curl no curl exit code either; the reading says why.
   */
  @Test
  void theSnippetsLogLinesClaimOnlyWhatHappened(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty-bin"));
    for (String image : List.of("other", "ubuntu", "alpine")) {
      String snippet = Cli.run("probe", "--image", image).out().lines().filter(l -> !l.startsWith("#"))
          .findFirst().orElseThrow();
      Path bin = Files.createDirectories(dir.resolve("bin-" + image));
      // the package manager of the image fails (no mirror); "other" has none
      for (String tool : List.of("apt-get", "apk")) {
        Path t = bin.resolve(tool);
        Files.writeString(t, "#!/bin/sh\nexit 100\n");
        t.toFile().setExecutable(true);
      }
      ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", snippet).redirectErrorStream(true);
      pb.environment().put("PATH", bin + ":" + empty);
      Process p = pb.start();
      String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(log).as(image).doesNotContain("exit=0").doesNotContain("step=curl exit=");
      if (image.equals("other")) {
        assertThat(log).as(image).doesNotContain("step=install");
      } else {
        assertThat(log).as(image).contains("step=install exit=100");
      }
      Path file = dir.resolve(image + ".log");
      Files.writeString(file, log);
      Cli.Result r = Cli.run("probe", "--log", file.toString());
      assertThat(r.code()).as(log + r).isEqualTo(1);
      assertThat(r.out()).as(log).startsWith("NO CURL").contains(image.equals("other") ? "installs nothing"
          : "installing it failed (exit 100)");
    }
  }

  @Test
  void theLastRunInTheLogCounts(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("two.log");
    Files.writeString(f, run("curl exit=28 http_status=000") + run("curl exit=0 http_status=204"));
    Cli.Result r = Cli.run("probe", "--log", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("OK: the instance reached https://www.aliyun.com (HTTP 204)");
  }

  @Test
  void aLogWithoutMarkersIsBadInputThatSaysHowToGetThem(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("plain.log");
    Files.writeString(f, "nothing here\n");
    Cli.Result r = Cli.run("probe", "--log", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("plain.log: no complete probe output").contains("Fix:");
    assertThat(Cli.run("probe", "--log", dir.resolve("missing.log").toString()).code()).isEqualTo(2);
  }

  private static String run(String curlStep) {
    return "EASNET-PROBE step=start url=https://www.aliyun.com host=www.aliyun.com\n"
        + "EASNET-PROBE step=" + curlStep + "\nEASNET-PROBE step=error\nEASNET-PROBE step=end\n";
  }

  private static String diagnose(Path dir, String curlStep) throws Exception {
    Path f = Files.createTempFile(dir, "probe", ".log");
    Files.writeString(f, run(curlStep));
    Cli.Result r = Cli.run("probe", "--log", f.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(r.out().startsWith("OK") ? 0 : 1);
    return r.out();
  }
}
