package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code eas-net} in process with captured standard output and error. */
final class Cli {
  /** What one run printed and returned. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  /** An environment in which the credentials chain finds nothing: no variables, no files, no instance metadata. */
  static final Map<String, String> NO_CREDENTIALS = Map.of("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true",
      "ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true", "ALIBABA_CLOUD_CREDENTIALS_FILE", "/nonexistent/credentials.ini");

  /** An environment with an access key pair (of no real account). */
  static final Map<String, String> SOME_CREDENTIALS = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tCliTests",
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "cli-tests-secret-value", "ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");

  private Cli() {}

  static Result run(String... args) {
    return run(Terminal.none(), Map.of(), args);
  }

  static Result run(Terminal terminal, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = EasNet.run(args, new PrintWriter(out, true), new PrintWriter(err, true), terminal, env);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs with live ports opened by {@code ports} (the fake's port face, say) instead of the Aliyun adapter. */
  static Result run(LivePort.Opener ports, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = EasNet.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Terminal.none(), env, ports);
    return new Result(code, out.toString(), err.toString());
  }

  /** The repository root (tests run in eas-network-cli). */
  static Path root() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(root.resolve("examples")).as("the project root (run from eas-network-cli)").isDirectory();
    return root;
  }

  /** A file under {@code examples/}, as an absolute path string. */
  static String example(String name) {
    return root().resolve("examples").resolve(name).toString();
  }

  static final String RDS = "rds:rm-bp1x7y2z9a4b6c8d3e5f";
  static final String REDIS = "redis:r-bp1c4e6g8i0k2m4o6q";
  static final String CLIENT = "ecs:i-bp1h6f8k2m4n7q9s3t5v";
}
