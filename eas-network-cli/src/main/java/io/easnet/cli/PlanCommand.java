package io.easnet.cli;

import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.plan.PlannedChange;
import io.easnet.core.plan.Plan;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner.PlanResult;
import io.easnet.core.plan.Planner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Plans the smallest set of changes (security group rules, allowlist entries, SNAT entries, routes,"
        + " EIPs, NAT gateways, service networking) that makes every intent of an intents file reachable, and"
        + " proves it by re-analysing the estate with the plan applied. Billed changes (NAT gateway, EIP) are"
        + " planned only with --allow-billed. It only adds access; with --allow-removals it also removes allowlist"
        + " entries that are a single EAS instance's address (EASNET-015), after the vSwitch block replacing them is"
        + " admitted. Against a snapshot file, or live (--live --region R, --endpoint URL)"
        + " with the same plan.",
    footerHeading = "%nIntents file:%n",
    footer = {"  {\"version\": 1, \"services\": [{\"file\": \"service.json\", \"intents\": [\"rds:rm-1:3306\","
        + " \"internet\", \"from:ecs:i-web\"]}]}",
        "",
        "Examples:",
        "  eas-net plan --snapshot examples/mistakes/estate.json \\",
        "      --intents examples/mistakes/no-snat-entry.intents.json --output plan.json",
        "  eas-net plan --snapshot examples/mistakes/estate.json \\",
        "      --intents examples/mistakes/nat-without-eip.intents.json --allow-billed -o plan.json",
        "  eas-net plan --snapshot examples/mistakes/estate.json \\",
        "      --intents examples/mistakes/allowlist-one-instance-ip.intents.json --allow-removals -o plan.json",
        "",
        "Exit codes: 0 a plan that works (possibly empty), 1 some intent cannot be made reachable, 2 bad input,"
            + " 3 cloud or I/O failure."})
final class PlanCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin EstateOptions estate;

  @Option(names = "--intents", paramLabel = "FILE", required = true,
      description = "The intents file: services (their JSON files) and what each must reach.")
  Path intents;

  @Option(names = "--allow-billed", description = "Allow changes that cost money (a NAT gateway, an EIP).")
  boolean allowBilled;

  @Option(names = "--allow-removals", description = "Also remove allowlist entries that are a single EAS instance's"
      + " address (EASNET-015), each after the append of the vSwitch block that replaces it and only when such a"
      + " block is admitted. Without it the plan only adds access.")
  boolean allowRemovals;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the plan (JSON) here, for"
      + " eas-net apply.")
  Path output;

  @Override
  public Integer call() {
    IntentsFile file = IntentsFile.read(intents);
    Outputs.refuseInputs("--output", output, Outputs.inputs(estate.snapshot, intents, file.serviceFiles().values()));
    PlanResult result;
    Optional<Plan> plan;
    try (Estate e = estate.open(root)) {
      result = Planner.of(e.forIntents(file.services())).plan(file, PlanOptions.defaults().allowBilled(allowBilled)
          .allowRemovals(allowRemovals));
      // the plan records the estate it was made from: region and the facts its changes depend on (read by the same
      // checks apply runs before its first write), so that apply refuses an estate that changed under it; not for a
      // Terraform plan, whose resources do not exist yet
      plan = result.plan().map(p -> p.isEmpty() || estate.terraform != null ? p : recordEstate(e, p));
    }
    StringBuilder sb = new StringBuilder();
    if (plan.isPresent()) {
      describe(plan.get(), sb);
      if (output != null) {
        plan.get().write(output);
        sb.append("Wrote ").append(output).append("; apply it with ").append(applyHint(output))
            .append(" (add --dry-run to preview").append(plan.get().billed() && estate.isLive()
                ? "; it creates billed resources, so a live apply asks for confirmation, or takes --yes" : "")
            .append(").\n");
      } else if (!plan.get().isEmpty()) {
        sb.append("Write it with --output plan.json to apply it.\n");
      }
    }
    for (PlanResult.Unfixable u : result.unfixable()) {
      sb.append("cannot plan ").append(u.service()).append(": ").append(u.intentText()).append(" (")
          .append(u.verdict()).append(")\n");
      for (String reason : u.reasons()) {
        sb.append("  ").append(reason).append('\n');
      }
    }
    ReportOptions.writeTo(null, sb.toString(), root.spec.commandLine().getOut());
    return result.works() ? EasNet.EXIT_OK : EasNet.EXIT_BLOCKING;
  }

  /** {@code plan} recording the estate it was made from, read through the same checks apply runs. */
  private static Plan recordEstate(Estate e, Plan p) {
    Optional<io.easnet.core.spi.CloudPort> port = e.port();
    if (port.isPresent()) {
      return io.easnet.core.plan.Applier.builder(port.get()).build().recordEstate(p);
    }
    try (io.easnet.testkit.FakeCloud fake = io.easnet.testkit.FakeCloud.create().load(e.file().orElseThrow())) {
      return io.easnet.core.plan.Applier.builder(fake).clock(fake.clock()).sleeper(fake::advance).build()
          .recordEstate(p);
    }
  }

  /**
   * The apply command for the plan written to {@code output}, with the estate options the plan was made with:
   * {@code --snapshot FILE}, {@code --live --region R} or {@code --endpoint URL}.
   */
  private String applyHint(Path output) {
    StringBuilder sb = new StringBuilder("eas-net apply");
    if (estate.endpoint != null) {
      sb.append(" --endpoint ").append(estate.endpoint);
      if (estate.region != null) {
        sb.append(" --region ").append(estate.region);
      }
    } else if (estate.live) {
      sb.append(" --live");
      if (estate.region != null) {
        sb.append(" --region ").append(estate.region);
      }
    } else if (estate.snapshot != null && estate.terraform == null) {
      sb.append(" --snapshot ").append(estate.snapshot);
    } else {
      // a Terraform plan's estate does not exist yet: apply needs the estate the plan lands on
      sb.append(" --live --region REGION");
    }
    return sb.append(' ').append(output).toString();
  }

  static void describe(Plan plan, StringBuilder sb) {
    if (plan.isEmpty()) {
      sb.append("Nothing to do: every intent is reachable already.\n");
      return;
    }
    sb.append(plan.changes().size()).append(plan.changes().size() == 1 ? " change" : " changes")
        .append(plan.billed() ? " (some billed)" : "").append(":\n");
    for (PlannedChange c : plan.changes()) {
      sb.append("  ").append(c.id()).append(' ').append(c.kind().jsonName()).append(": ").append(c.description());
      if (!c.dependsOn().isEmpty()) {
        sb.append(" (after ").append(String.join(", ", c.dependsOn())).append(')');
      }
      sb.append('\n');
      if (!c.serves().isEmpty()) {
        sb.append("      for ").append(String.join("; ", c.serves())).append('\n');
      }
    }
    for (String b : plan.billing()) {
      sb.append("  billed: ").append(b).append('\n');
    }
  }
}
