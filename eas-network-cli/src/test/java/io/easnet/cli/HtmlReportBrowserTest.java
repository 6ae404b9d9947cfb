package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium loads the page {@code eas-net doctor --format html} writes
 * for the no-SNAT example, and the test checks what it renders (the DOM after parsing, and a screenshot). Every host
 * name resolves to a local server that counts requests, so a page that fetched anything would be caught. Skipped,
 * saying so, only when no Chromium is installed ({@code .ci/run} installs it).
 */
class HtmlReportBrowserTest {
  private static final long TIMEOUT_SECONDS = 120;
  private static Optional<Path> chromium;
  @TempDir static Path dir;
  private static Path page;

  @BeforeAll
  static void writeTheReport() {
    chromium = findChromium();
    page = dir.resolve("report.html");
    Cli.Result r = Cli.run("doctor", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/no-snat-entry.json"), "--to", "internet", "--format", "html", "--output",
        page.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
  }

  @Test
  void theRenderedDomHasTheBlockedHopItsCodeAndTheFixAndThePageFetchesNothing() throws Exception {
    assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium); .ci/run installs it");
    Served served = serve(Files.readAllBytes(page));
    String dom = served.dom();
    assertThat(dom).contains("<svg class=\"path-diagram\"")
        .containsPattern("<g class=\"hop blocked\" data-status=\"BLOCKED\" data-component=\"[^\"]+\">"
            + "<title>SNAT entry")
        .contains(">SNAT_NO_ENTRY_FOR_SOURCE</text>")
        .contains("<li class=\"blocker\" data-code=\"SNAT_NO_ENTRY_FOR_SOURCE\">")
        .contains("Fix: create a SNAT entry on NAT gateway ngw-bp1uewa15k4iy5f9d3c2x (table stb-bp1sx6xa2o9u8h3m5k7wz)"
            + " with SourceVSwitchId vsw-bp1nosnat4k7m2q9x5c8")
        .contains("data-rule=\"EASNET-019\"");
    assertThat(served.requests()).contains("/report.html");
    assertThat(served.pageRequests()).as("requests the page made").isEmpty();
  }

  /** The request counter works: a page without the policy that loads an image is caught. */
  @Test
  void aPageThatFetchesSomethingIsCaught() throws Exception {
    assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium); .ci/run installs it");
    Served served = serve("<!DOCTYPE html><html><body><p>x</p><img src=\"http://cdn.example.test/logo.png\">"
        .concat("</body></html>").getBytes(StandardCharsets.UTF_8));
    assertThat(served.pageRequests()).containsExactly("cdn.example.test/logo.png");
  }

  /** What Chromium rendered, every request the local server saw, and those the page made (with a Referer, but the favicon probe). */
  record Served(String dom, List<String> requests, List<String> pageRequests) {}

  /**
   * Serves {@code html} as {@code http://report.test/report.html} with every host name mapped to a local server, and
   * dumps the DOM Chromium renders. Requests of the page carry a {@code Referer}; the browser's own background
   * requests do not.
   */
  private static Served serve(byte[] html) throws IOException, InterruptedException {
    List<String> requests = Collections.synchronizedList(new ArrayList<>());
    List<String> fromPage = Collections.synchronizedList(new ArrayList<>());
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      requests.add(path);
      if (ex.getRequestHeaders().getFirst("Referer") != null && !path.equals("/favicon.ico")) {
        String host = String.valueOf(ex.getRequestHeaders().getFirst("Host")).replaceFirst(":\\d+$", "");
        fromPage.add(host + path);
      }
      byte[] body = path.equals("/report.html") ? html : new byte[0];
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
      ex.close();
    });
    // the browser's own background connections (TLS to its update hosts) reach the server too: serve each alone
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    server.setExecutor(threads);
    server.start();
    try {
      int port = server.getAddress().getPort();
      String dom = chromium("--dump-dom", "--host-resolver-rules=MAP * 127.0.0.1:" + port,
          "http://report.test:" + port + "/report.html");
      return new Served(dom, List.copyOf(requests), List.copyOf(fromPage));
    } finally {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  @Test
  void theScreenshotIsNotBlankAndShowsTheRedBlockedHop() throws Exception {
    assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium); .ci/run installs it");
    Path png = dir.resolve("report.png");
    chromium("--screenshot=" + png, "--window-size=1400,1000", page.toUri().toString());
    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(20_000);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1400);
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    long red = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        if (r > 180 && g < 60 && b < 60) {
          red++;
        }
      }
    }
    assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
    assertThat(red).as("pixels of the blocked hop's red border, the verdict badge and the summary bar")
        .isGreaterThan(100);
  }

  private static String chromium(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium.orElseThrow().toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
        "--disable-component-update",
        "--user-data-dir=" + dir.resolve("profile")));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
    }
    assertThat(p.exitValue()).as("chromium exit code: " + cmd).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static Optional<Path> findChromium() {
    String env = System.getenv("CHROMIUM");
    List<String> candidates = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      candidates.add(env);
    }
    candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }
}
