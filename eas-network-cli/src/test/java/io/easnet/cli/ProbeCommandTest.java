package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
