package io.easnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Lists the rules of the catalogue: id, severity and summary.",
    subcommands = RulesCommand.Explain.class,
    footerHeading = "%nExamples:%n",
    footer = {"  eas-net rules", "  eas-net rules --format json", "  eas-net rules explain EASNET-033"})
final class RulesCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws IOException {
    List<Rule> rules = RuleCatalog.standard().rules();
    String f = format.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    if (f.equals("json")) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Rule r : rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("severity", r.severity().name());
        m.put("summary", r.summary());
        m.put("docUrl", r.docUrl());
        out.add(m);
      }
      sb.append(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    } else if (f.equals("text")) {
      for (Rule r : rules) {
        sb.append(String.format(Locale.ROOT, "%-11s %-8s %s%n", r.id(), r.severity().name(), r.summary()));
      }
      sb.append(rules.size()).append(" rules; eas-net rules explain ID shows one.");
    } else {
      throw CliFailure.usage("rules writes text or json, not \"" + format + "\"");
    }
    ReportOptions.writeTo(null, sb.toString(), root.spec.commandLine().getOut());
    return EasNet.EXIT_OK;
  }

  @Command(name = "explain", mixinStandardHelpOptions = true,
      description = "Explains one rule: what it checks, why it matters and how to fix it.",
      footerHeading = "%nExamples:%n", footer = {"  eas-net rules explain EASNET-033", "  eas-net rules explain 33"})
  static final class Explain implements Callable<Integer> {
    @ParentCommand RulesCommand rules;

    @Parameters(paramLabel = "ID", description = "The rule id, EASNET-NNN (or just NNN).")
    String id;

    @Override
    public Integer call() throws IOException {
      RuleCatalog catalog = RuleCatalog.standard();
      String normalised = normalise(id);
      Rule rule = catalog.rule(normalised).orElseThrow(() -> {
        return CliFailure.usage("no rule " + id + " in the catalogue: rule ids look like EASNET-033; eas-net"
            + " rules lists all " + catalog.rules().size());
      });
      StringBuilder sb = new StringBuilder();
      sb.append(rule.id()).append(' ').append(rule.severity().name()).append(": ").append(rule.summary())
          .append("\n\n");
      page(rule).ifPresent(p -> sb.append(p.strip()).append("\n\n"));
      sb.append("Documentation: ").append(rule.docUrl());
      ReportOptions.writeTo(null, sb.toString(), rules.root.spec.commandLine().getOut());
      return EasNet.EXIT_OK;
    }

    static String normalise(String id) {
      String t = id.strip().toUpperCase(Locale.ROOT);
      if (t.matches("\\d{1,3}")) {
        return String.format(Locale.ROOT, "EASNET-%03d", Integer.parseInt(t));
      }
      return t;
    }

    /** The rule's documentation page, packaged into the jar from {@code docs/rules}. */
    static Optional<String> page(Rule rule) throws IOException {
      try (InputStream in = RulesCommand.class.getResourceAsStream("rules/" + rule.id() + ".md")) {
        return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }
}
