package io.easnet.cli;

/**
 * A failure the command reports as one line and an exit code: {@link EasNet#EXIT_USAGE} for bad input or usage,
 * {@link EasNet#EXIT_CLOUD} for a cloud or I/O failure.
 */
final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static CliFailure usage(String message) {
    return new CliFailure(EasNet.EXIT_USAGE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
