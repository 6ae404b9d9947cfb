package io.easnet.core.analysis;

import io.easnet.core.analysis.Intent.IntentsFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.fuzz.FuzzContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whatever an intents file holds, {@link IntentsFile#read(Path)} gives the services and intents it lists, or an
 * {@link io.easnet.core.InvalidInputException} naming the file, the pointer and the fix, short and printable. The
 * structured target writes intents-file-shaped JSON around fuzzed pieces (file names, intents, wrong types), next to
 * a real service file.
 */
class IntentsFileFuzzTest {
  private static final Path DIR = directory();
  private static final Path FILE = DIR.resolve("intents.json");
  private static final String[] FILES = {"\"svc.json\"", "\"./svc.json\"", "\"../svc.json\"", "\"nope.json\"", "\"\"",
    "\" \"", "\"/\"", "\".\"", "\"svc.json\\u0000\"", "1", "null", "[]", "{}", "true", "\"" + "a/".repeat(60) + "\""};
  private static final String[] INTENTS = {"\"rds:rm-1:3306\"", "\"internet\"", "\"from:ecs:i-web\"", "\"ip:1.2.3.4\"",
    "\"redis:r-1\"", "\"\"", "1", "null", "{}", "[\"internet\"]", "\"internet?allowlist=A,B\"", "\"ecs:i-1\""};

  @FuzzTest(maxDuration = "60s")
  void anyIntentsFileReadsOrIsRefused(FuzzedDataProvider data) {
    check(data.consumeRemainingAsString());
  }

  @FuzzTest(maxDuration = "60s")
  void intentsShapedFilesReadOrAreRefused(FuzzedDataProvider data) {
    StringBuilder b = new StringBuilder("{");
    if (data.consumeBoolean()) {
      b.append("\"version\": ").append(data.consumeBoolean() ? "1" : data.consumeString(4)).append(", ");
    }
    b.append("\"services\": [");
    int services = data.consumeInt(0, 3);
    for (int s = 0; s < services; s++) {
      b.append(s > 0 ? ", " : "").append("{\"file\": ").append(data.pickValue(FILES));
      if (data.consumeBoolean()) {
        b.append(", \"intents\": [");
        int n = data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
          b.append(i > 0 ? ", " : "").append(data.consumeBoolean() ? data.pickValue(INTENTS)
              : "\"" + data.consumeAsciiString(20).replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        b.append(']');
      }
      if (data.consumeBoolean()) {
        b.append(", \"").append(data.consumeAsciiString(8).replace("\\", "").replace("\"", "")).append("\": 1");
      }
      b.append('}');
    }
    b.append(data.consumeBoolean() ? "]}" : data.consumeRemainingAsString());
    check(b.toString());
  }

  private static void check(String json) {
    try {
      Files.write(FILE, json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    IntentsFile read = FuzzContract.readsOrRefuses(FILE.toString(), json, () -> IntentsFile.read(FILE));
    if (read != null) {
      assertThat(read.services()).allSatisfy(s -> assertThat(s.intents()).isNotNull());
    }
  }

  private static Path directory() {
    try {
      Path d = Files.createTempDirectory("intents-fuzz");
      d.toFile().deleteOnExit();
      Files.writeString(d.resolve("svc.json"), "{\"metadata\": {\"name\": \"svc\", \"instance\": 1}}");
      d.resolve("svc.json").toFile().deleteOnExit();
      d.resolve("intents.json").toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
