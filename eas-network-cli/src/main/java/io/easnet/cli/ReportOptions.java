package io.easnet.cli;

import io.easnet.core.report.Report;
import io.easnet.core.report.Report.ReportFormat;
import io.easnet.core.report.Report.TextReportOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}: how and where a report is written. */
final class ReportOptions {
  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      converter = FormatConverter.class,
      description = "text, json, sarif, junit, markdown or html (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here instead of"
      + " standard output.")
  Path output;

  /** Writes the rendered report; colour only for text on a terminal without {@code NO_COLOR}. */
  void write(Report report, PrintWriter out, Terminal terminal, Map<String, String> env) {
    boolean colour = output == null && format == ReportFormat.TEXT && terminal.interactive();
    String text = format.render(report, colour ? TextReportOptions.forTerminal(true, env)
        : TextReportOptions.defaults());
    write(text, out);
  }

  /** Writes {@code report} for the command line of {@code root}; the exit code: 1 when it blocks, else 0. */
  int emit(Report report, RootCommand root) {
    write(report, root.spec.commandLine().getOut(), root.terminal, root.env);
    return report.isBlocking() ? EasNet.EXIT_BLOCKING : EasNet.EXIT_OK;
  }

  /** Writes {@code text} to the output file, or to {@code out}. */
  void write(String text, PrintWriter out) {
    writeTo(output, text, out);
  }

  static void writeTo(Path output, String text, PrintWriter out) {
    if (output == null) {
      out.print(text);
      if (!text.endsWith("\n")) {
        out.println();
      }
      out.flush();
      return;
    }
    Outputs.write(output, text);
  }

  /** Refuses an {@code --output} that is one of the command's {@code inputs} (exit 2). */
  void refuseInputs(Object... inputs) {
    Outputs.refuseInputs("--output", output, Outputs.inputs(inputs));
  }

  /** Reads a format name with {@link ReportFormat#parse}, whose message names the accepted names. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      try {
        return ReportFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
