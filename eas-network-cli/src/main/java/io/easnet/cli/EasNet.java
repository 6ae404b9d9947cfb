package io.easnet.cli;

import io.easnet.core.ClientException;
import io.easnet.core.CloudServiceException;
import io.easnet.core.ConfigurationException;
import io.easnet.core.InvalidInputException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.easnet.core.spi.CloudPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code eas-net} command: checks the network of PAI-EAS services offline against a snapshot, or live.
 *
 * <p>Exit codes: {@value #EXIT_OK} no blocking finding, {@value #EXIT_BLOCKING} blocking findings or an unreachable
 * path, {@value #EXIT_USAGE} bad input or usage, {@value #EXIT_CLOUD} a cloud or I/O failure. A stack trace is
 * printed only with {@code --debug}.
 */
public final class EasNet {
  /** No blocking finding. */
  static final int EXIT_OK = 0;
  /** Blocking findings or an unreachable path. */
  static final int EXIT_BLOCKING = 1;
  /** Bad input or usage. */
  static final int EXIT_USAGE = 2;
  /** A cloud or I/O failure. */
  static final int EXIT_CLOUD = 3;

  private EasNet() {}

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    Terminal terminal = Terminal.system();
    // Standard output and error behind the one printer, for everything in this process (library messages too)
    System.setOut(TerminalWriter.stream(new FileOutputStream(FileDescriptor.out), terminal.interactive()));
    System.setErr(TerminalWriter.stream(new FileOutputStream(FileDescriptor.err), terminal.interactive()));
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, terminal, System.getenv());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command in process with the given streams; returns the exit code. */
  static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, Terminal terminal,
      Map<String, String> env) {
    // the ports this run opens are its own: each is closed when the command ends (the adapter's pool threads and
    // idle connections); a port an embedding caller hands in through an Opener stays the caller's to close
    List<CloudPort> opened = new ArrayList<>();
    LivePort.Opener owned = (region, endpoint, e) -> {
      CloudPort port = LivePort.open(region, endpoint, e);
      synchronized (opened) {
        opened.add(port);
      }
      return port;
    };
    try {
      return run(args, rawOut, rawErr, terminal, env, owned);
    } finally {
      synchronized (opened) {
        opened.forEach(EasNet::close);
      }
    }
  }

  /** Runs the command in process, opening live ports with {@code ports}; returns the exit code. */
  static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, Terminal terminal, Map<String, String> env,
      LivePort.Opener ports) {
    // Every path to the terminal goes through the one printer: wrapped once, here, so no command can bypass it
    return execute(commandLine(args, terminal, env, ports), args, rawOut, rawErr, terminal);
  }

  /** Closes {@code port} when it holds resources; a failure to close is not the command's failure. */
  private static void close(CloudPort port) {
    if (port instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception ignored) {
        // the command has ended and reported; a port that fails to release its threads changes nothing of that
      }
    }
  }

  /** Runs {@code args} on {@code cmd} (the command line of {@link #commandLine}) with the root's handlers. */
  static int execute(CommandLine cmd, String[] args, PrintWriter rawOut, PrintWriter rawErr, Terminal terminal) {
    PrintWriter out = TerminalWriter.wrap(rawOut, terminal.interactive());
    PrintWriter err = TerminalWriter.wrap(rawErr, terminal.interactive());
    boolean debug = Arrays.asList(args).contains("--debug");
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      err.println(c.getCommandName().equals("eas-net") ? "eas-net: " + ex.getMessage()
          : "eas-net " + c.getCommandName() + ": " + ex.getMessage());
      err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
      if (debug) {
        ex.printStackTrace(err);
      }
      err.flush();
      return EXIT_USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
      for (Throwable t = ex; t != null; t = t.getCause()) {
        if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
          return resourceFailure((VirtualMachineError) t, err, debug); // one from a worker thread, wrapped
        }
      }
      int code = exitCode(ex);
      if (ex instanceof ConfigurationException conf && !conf.tried().isEmpty()) {
        // what happened and the fix first; the sources tried (a long chain for credentials) only with --debug
        err.println("eas-net: " + problemAndFix(conf));
        if (debug) {
          err.println("tried:");
          conf.tried().forEach(t -> err.println("  " + oneLine(t)));
        } else {
          err.println("(" + conf.tried().size() + (conf.tried().size() == 1 ? " source" : " sources")
              + " tried; run with --debug to see each)");
        }
      } else {
        err.println("eas-net: " + message(ex));
      }
      if (debug) {
        ex.printStackTrace(err);
      } else if (code == EXIT_CLOUD && !(ex instanceof CliFailure)) {
        err.println("(run with --debug for the stack trace)");
      }
      err.flush();
      return code;
    });
    int code;
    try {
      code = cmd.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      code = resourceFailure(e, err, debug);
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * A resource failure (the heap or the stack ran out) as one line and exit code {@value #EXIT_CLOUD}: never exit 1,
   * which a CI gate reads as "blocking findings".
   */
  static int resourceFailure(VirtualMachineError e, PrintWriter err, boolean debug) {
    if (e instanceof StackOverflowError) {
      err.println("eas-net: the input is nested too deeply to process (stack overflow). Fix: flatten the input,"
          + " or run with a larger stack (EAS_NET_JAVA_OPTS=-Xss8m)");
    } else {
      err.println("eas-net: out of memory (" + oneLine(String.valueOf(e.getMessage())) + ", maximum heap "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB): an input is too large for this heap. Fix:"
          + " use a smaller input (docs/reliability-cli.md lists the limits), or give Java more heap"
          + " (EAS_NET_JAVA_OPTS=-Xmx2g)");
    }
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return EXIT_CLOUD;
  }

  static CommandLine commandLine(Terminal terminal, Map<String, String> env) {
    return commandLine(terminal, env, LivePort::open);
  }

  /** The whole command line: the root with every command of {@link RootCommand#COMMANDS} and {@code help}. */
  static CommandLine commandLine(Terminal terminal, Map<String, String> env, LivePort.Opener ports) {
    CommandLine cmd = new CommandLine(new RootCommand(terminal, env, ports));
    RootCommand.COMMANDS.forEach(name -> cmd.addSubcommand(RootCommand.command(name)));
    cmd.addSubcommand(new CommandLine.HelpCommand());
    return configure(cmd);
  }

  /**
   * The command line that runs {@code args}: when they name a command of {@link RootCommand#COMMANDS}, preceded by
   * nothing but {@code --debug}, the root with that one command, so that picocli reflects over (and the JVM loads)
   * that command's classes only (BENCHMARKS.md, budget 3); otherwise (no command, {@code help}, {@code completion},
   * whose script describes every command, a root option such as {@code --help}, an unknown name, an
   * {@code @argfile}) the whole command line, whose root help and suggestions list every command. Either way the
   * named command parses, runs and prints its help the same: {@code OneCommandStartTest} compares the two.
   */
  static CommandLine commandLine(String[] args, Terminal terminal, Map<String, String> env, LivePort.Opener ports) {
    for (String arg : args) {
      if (RootCommand.COMMANDS.contains(arg) && !arg.equals("completion")) {
        CommandLine cmd = new CommandLine(new RootCommand(terminal, env, ports));
        cmd.addSubcommand(RootCommand.command(arg));
        return configure(cmd);
      }
      if (!arg.equals("--debug")) {
        break;
      }
    }
    return commandLine(terminal, env, ports);
  }

  private static CommandLine configure(CommandLine cmd) {
    versionEverywhere(cmd);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setUsageHelpAutoWidth(false);
    cmd.setUsageHelpWidth(110);
    return cmd;
  }

  /** Every subcommand lists {@code -V, --version}: each prints the root's version, not nothing. */
  private static void versionEverywhere(CommandLine cmd) {
    for (CommandLine sub : cmd.getSubcommands().values()) {
      if (sub.getCommandSpec().versionProvider() == null && sub.getCommandSpec().version().length == 0) {
        sub.getCommandSpec().versionProvider(new RootCommand.Version());
      }
      versionEverywhere(sub);
    }
  }

  /** The exit code of a failure, by docs/design.md §8. */
  static int exitCode(Throwable ex) {
    if (ex instanceof CliFailure f) {
      return f.exitCode();
    }
    if (ex instanceof InvalidInputException || ex instanceof ConfigurationException
        || ex instanceof IllegalArgumentException) {
      return EXIT_USAGE;
    }
    if (ex instanceof CloudServiceException || ex instanceof ClientException
        || ex instanceof UncheckedIOException) {
      return EXIT_CLOUD;
    }
    return EXIT_CLOUD;
  }

  private static String message(Throwable ex) {
    if (ex instanceof CliFailure || ex instanceof InvalidInputException || ex instanceof ConfigurationException
        || ex instanceof CloudServiceException || ex instanceof ClientException) {
      return oneLine(ex.getMessage());
    }
    if (ex instanceof UncheckedIOException u) {
      return "I/O failure: " + oneLine(String.valueOf(u.getCause().getMessage()));
    }
    if (ex instanceof IllegalArgumentException) {
      return oneLine(ex.getMessage());
    }
    return "internal error: " + ex.getClass().getName() + ": " + oneLine(String.valueOf(ex.getMessage()));
  }

  /**
   * The problem and its fix of a configuration failure in one line, without the list of what was tried, e.g.
   * {@code No Alibaba Cloud credentials found in the default chain: set ALIBABA_CLOUD_ACCESS_KEY_ID and …}.
   */
  static String problemAndFix(ConfigurationException conf) {
    String message = conf.getMessage() == null ? "" : conf.getMessage().strip();
    if (message.indexOf('\n') > 0) {
      // a message of several lines says what to do on its first line (the credentials chain's "no credentials
      // found: set … or run `aliyun configure`"); what follows is the detail --debug lists
      return oneLine(message.substring(0, message.indexOf('\n'))).strip();
    }
    String m = oneLine(message);
    int end = m.indexOf(" Tried: ");
    String problem = (end < 0 ? m : m.substring(0, end)).strip();
    if (problem.endsWith(".")) {
      problem = problem.substring(0, problem.length() - 1);
    }
    return problem + ": " + oneLine(conf.fix());
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }
}
