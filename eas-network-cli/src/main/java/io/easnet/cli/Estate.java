package io.easnet.cli;

import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.RequestListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The estate a command checks, from either face: the one place that turns "the command's estate options and its
 * services" into an inventory and the services the estate holds, so that offline and live cannot diverge.
 *
 * <ul>
 *   <li>Offline ({@code --snapshot FILE}) it is the file: its inventory and its services.
 *   <li>Live ({@code --live --region R} or {@code --endpoint URL}) it is read through the cloud port and the
 *       {@link InventoryLoader}: the services with {@code ListServices}; for a lint the whole region (or, with
 *       {@code --vpc}, that VPC and every VPC the services need), which is what {@code eas-net snapshot} captures;
 *       for doctor and plan each VPC the services run in and the facts each intent needs beyond it
 *       ({@link #forIntents}); for {@code doctor --paths-only} only the facts each path needs ({@link #forPaths}).
 * </ul>
 */
final class Estate implements AutoCloseable {
  private final String sourceName;
  private final Snapshot file;
  private final CloudPort port;
  private final InventoryLoader loader;
  private List<ServiceDocument> listed;

  private Estate(String sourceName, Snapshot file, CloudPort port, InventoryLoader loader) {
    this.sourceName = sourceName;
    this.file = file;
    this.port = port;
    this.loader = loader;
  }

  /** The snapshot file's estate. */
  static Estate offline(String sourceName, Snapshot file) {
    return new Estate(sourceName, file, null, null);
  }

  /** The cloud's estate, read through {@code port}; every request is reported to {@code listener}. */
  static Estate live(String sourceName, CloudPort port, RequestListener listener) {
    CloudPort listening = port.withRequestListener(listener);
    return new Estate(sourceName, null, listening, InventoryLoader.builder().port(port).listener(listener).build());
  }

  boolean isLive() {
    return file == null;
  }

  /** The cloud port, live (every request reported to the listener); empty offline. */
  Optional<CloudPort> port() {
    return Optional.ofNullable(port);
  }

  /** The name of the estate in finding locations: the file name, or {@code live:ENDPOINT_OR_REGION}. */
  String sourceName() {
    return sourceName;
  }

  /** The snapshot file, offline. */
  Optional<Snapshot> file() {
    return Optional.ofNullable(file);
  }

  /** The services the estate holds: the file's, or every EAS service of the region (listed once). */
  List<ServiceDocument> services() {
    if (file != null) {
      return file.services();
    }
    if (listed == null) {
      List<String> configs = port.eas().listServices();
      List<ServiceDocument> docs = new ArrayList<>(configs.size());
      for (int i = 0; i < configs.size(); i++) {
        docs.add(ServiceDocument.parse(configs.get(i), "eas:ListServices service " + (i + 1)));
      }
      listed = List.copyOf(docs);
    }
    return listed;
  }

  /** The service the estate holds under {@code name}; a usage failure naming those it holds otherwise. */
  ServiceDocument service(String name) {
    List<ServiceDocument> all = services();
    return all.stream().filter(d -> d.spec().name().equals(name)).findFirst().orElseThrow(() -> CliFailure.usage(
        sourceName + " holds no service named \"" + name + "\"; it holds: "
            + (all.isEmpty() ? "none" : String.join(", ", all.stream().map(d -> d.spec().name()).toList()))));
  }

  /**
   * The estate a lint checks: offline the file; live the region with all its services, or, with {@code vpc}, that
   * VPC and each VPC {@code services} need (each read once) with the region's services that sit in them.
   */
  Snapshot forLint(List<ServiceSpec> services, Optional<VpcId> vpc) {
    if (file != null) {
      return file;
    }
    return loader.loadSnapshot(vpc.isEmpty() ? Question.region() : Question.services(services, List.of(vpc.get())));
  }

  /**
   * An inventory that answers every intent of {@code services} as the file does: offline the file's; live, in one
   * load, each VPC the services run in (the rules read more of it than the paths: the other allowlists of its
   * databases, its NAT gateways) and what each intent needs beyond it (a target or a client in another VPC), with
   * nothing read twice.
   */
  Inventory forIntents(List<ServiceInput> services) {
    if (file != null) {
      return file.inventory();
    }
    if (services.isEmpty()) {
      return Inventory.builder().build();
    }
    List<Question> questions = new ArrayList<>();
    questions.add(Question.services(services.stream().map(ServiceInput::spec).toList(), List.of()));
    services.forEach(s -> questions.addAll(questions(s)));
    return loader.load(questions);
  }

  /**
   * An inventory that answers the path of every intent of {@code services} as the file does, and nothing else (no
   * rule reads it): offline the file's; live only what the intents' questions need ({@link #questions}), in one load
   * with nothing read twice: the minimal requests of each question, not the services' whole VPCs. What
   * {@code doctor --paths-only} reads.
   */
  Inventory forPaths(List<ServiceInput> services) {
    if (file != null) {
      return file.inventory();
    }
    List<Question> questions = new ArrayList<>();
    services.forEach(s -> questions.addAll(questions(s)));
    return questions.isEmpty() ? Inventory.builder().build() : loader.load(questions);
  }

  /**
   * The questions a doctor or a plan asks about one service: one per intent; none for a service whose partial
   * {@code cloud.networking} block places it nowhere (the rules report that block, EASNET-001, on either face).
   */
  static List<Question> questions(ServiceInput s) {
    List<Question> out = new ArrayList<>();
    try {
      NetworkResolver.create().resolve(s.spec());
    } catch (InvalidInputException e) {
      return out;
    }
    s.privateTargets().forEach(t -> out.add(Question.privateTarget(s.spec(), t)));
    if (s.wantsInternetEgress() || !s.internetTargets().isEmpty()) {
      out.add(Question.internetEgress(s.spec()));
    }
    s.clients().forEach(c -> out.add(Question.clientToService(c, s.spec())));
    return out;
  }

  /**
   * An inventory that resolves {@code specs}' networks as the file does: offline the file's; live every VPC the
   * services need, with the resource groups.
   */
  Inventory forResolve(List<ServiceSpec> specs) {
    if (file != null) {
      return file.inventory();
    }
    return specs.isEmpty() ? Inventory.builder().build() : loader.load(Question.services(specs, List.of()));
  }

  @Override
  public void close() {
    if (loader != null) {
      loader.close();
    }
  }
}
