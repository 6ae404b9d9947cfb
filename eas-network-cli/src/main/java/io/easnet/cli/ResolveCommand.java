package io.easnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.report.Report.ReportFormat;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "resolve", mixinStandardHelpOptions = true,
    description = "Shows which networking is in effect for each service and why: the service's own"
        + " cloud.networking block, the resource group's VPC direct connection, or none.",
    footerHeading = "%nExamples:%n",
    footer = {"  eas-net resolve --snapshot examples/snapshot.json",
        "  eas-net resolve --snapshot examples/snapshot.json --service examples/service-vpc.json --format json",
        "",
        "Exit codes: 0 resolved, 2 bad input (a partial cloud.networking block), 3 cloud or I/O failure."})
final class ResolveCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin EstateOptions estate;

  /** Resolve writes text or json only: the help lists exactly the values the command accepts. */
  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      converter = TextOrJson.class, description = "text or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result here instead of"
      + " standard output.")
  Path output;

  @Option(names = {"-s", "--service"}, paramLabel = "FILE",
      description = "A service JSON file (repeatable); by default the services the estate holds (the snapshot's,"
          + " or live every service of the region).")
  List<Path> services = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Outputs.refuseInputs("--output", output, Outputs.inputs(estate.snapshot, estate.terraform, services));
    List<ServiceSpec> specs = new ArrayList<>();
    for (Path p : services) {
      specs.add(ServiceInput.fromFile(p).build().spec());
    }
    Inventory inventory;
    try (Estate e = estate.open(root)) {
      if (services.isEmpty()) {
        e.services().forEach(d -> specs.add(d.spec()));
      }
      if (specs.isEmpty()) {
        throw CliFailure.usage("no service to resolve: " + e.sourceName() + " holds none; pass --service FILE");
      }
      inventory = e.forResolve(specs);
    }
    NetworkResolver resolver = NetworkResolver.create();
    List<EffectiveNetwork> networks = new ArrayList<>();
    for (ServiceSpec s : specs) {
      networks.add(resolver.resolve(s, inventory));
    }
    ReportOptions.writeTo(output, format == ReportFormat.JSON ? json(networks) : text(networks),
        root.spec.commandLine().getOut());
    return EasNet.EXIT_OK;
  }

  /** {@code text} or {@code json}; any other report format is refused naming the two. */
  static final class TextOrJson implements picocli.CommandLine.ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      ReportFormat f = new ReportOptions.FormatConverter().convert(value);
      if (f != ReportFormat.TEXT && f != ReportFormat.JSON) {
        throw new picocli.CommandLine.TypeConversionException("resolve writes text or json, not " + value
            + ": pass --format text or --format json");
      }
      return f;
    }
  }

  static String text(List<EffectiveNetwork> networks) {
    StringBuilder sb = new StringBuilder();
    for (EffectiveNetwork n : networks) {
      sb.append("service ").append(n.serviceName()).append(": ").append(describe(n)).append('\n');
      n.vpcId().ifPresent(v -> sb.append("  VPC:             ").append(v).append('\n'));
      n.vSwitchId().ifPresent(v -> sb.append("  vSwitches:       ").append(v).append(" (the instances' ENIs)\n"));
      n.securityGroupId().ifPresent(g -> sb.append("  security group:  ").append(g).append('\n'));
      if (!n.returnRouteVSwitchIds().isEmpty()) {
        sb.append("  return routes:   ").append(join(n.returnRouteVSwitchIds())).append(" (client vSwitches)\n");
      }
      if (!n.destinationCidrs().isEmpty()) {
        sb.append("  destination CIDRs: ").append(join(n.destinationCidrs())).append('\n');
      }
      n.resourceGroupId().ifPresent(g -> sb.append("  resource group:  ").append(g).append('\n'));
      n.shadowedResourceGroupConfig().ifPresent(d -> sb.append("  shadowed:        the resource group's VPC"
          + " direct connection is ignored, the service's block wins\n"));
      for (String reason : n.reasons()) {
        sb.append("  because ").append(reason).append('\n');
      }
    }
    return sb.toString();
  }

  private static String describe(EffectiveNetwork n) {
    switch (n.provenance()) {
      case SERVICE:
        return "networking from the service's own cloud.networking block (SERVICE)";
      case RESOURCE_GROUP:
        return "networking from the resource group's VPC direct connection (RESOURCE_GROUP)";
      case NONE:
        return "no VPC: no cloud.networking block and no resource group connection (NONE)";
      case UNKNOWN:
        return "unknown: the service names a resource group the estate does not hold (UNKNOWN)";
      default:
        return n.provenance().name();
    }
  }

  private static String join(List<?> values) {
    return String.join(", ", values.stream().map(Object::toString).toList());
  }

  static String json(List<EffectiveNetwork> networks) throws Exception {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EffectiveNetwork n : networks) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("service", n.serviceName());
      m.put("provenance", n.provenance().name());
      m.put("vpcId", n.vpcId().map(Object::toString).orElse(null));
      // a list (of one vSwitch), as this output has always been, so that scripts reading it keep working
      m.put("vSwitchIds", n.vSwitchId().stream().map(Object::toString).toList());
      m.put("securityGroupId", n.securityGroupId().map(Object::toString).orElse(null));
      m.put("returnRouteVSwitchIds", n.returnRouteVSwitchIds().stream().map(Object::toString).toList());
      m.put("destinationCidrs", n.destinationCidrs().stream().map(Object::toString).toList());
      m.put("resourceGroupId", n.resourceGroupId().map(Object::toString).orElse(null));
      m.put("shadowedResourceGroupConfig", n.shadowedResourceGroupConfig().isPresent());
      m.put("reasons", n.reasons());
      out.add(m);
    }
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(Map.of("services", out)) + "\n";
  }
}
