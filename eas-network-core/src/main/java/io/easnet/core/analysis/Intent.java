package io.easnet.core.analysis;

import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.Sha256;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.json.ServiceDocument;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import java.util.Objects;

/**
 * What a service is meant to do on the network, and so what the path engine analyses for it: reach a private target,
 * reach the internet, or be reached directly by an ECS client.
 *
 * <pre>{@code
 * Intent.reach(Target.rds(RdsInstanceId.of("rm-1")));
 * Intent.internet(InternetTarget.any(443));
 * Intent.client(EcsInstanceId.of("i-web"));
 * }</pre>
 */
public sealed interface Intent {
  /**
   * What the service must do, as a verb phrase: {@code reach RDS rm-1}, {@code reach the internet on tcp 443},
   * {@code accept ECS client i-web}; "service S cannot …" reads as a sentence.
   */
  String describe();

  /**
   * Reads an intent in the command line's form.
   *
   * @param text for example {@code rds:rm-1:3306}, {@code internet:oss-cn-hangzhou.aliyuncs.com} or
   *     {@code from:ecs:i-web}
   * @throws io.easnet.core.InvalidInputException naming the text, what is wrong and the accepted forms
   */
  static Intent parse(String text) {
    return IntentSyntax.parse(text);
  }

  /** The service reaches a private target (RDS, Redis, ECS or an address). */
  record Reach(Target target) implements Intent {
    /** Checks the argument. */
    public Reach {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String describe() {
      return "reach " + target;
    }
  }

  /** The service reaches the internet. */
  record Internet(InternetTarget target) implements Intent {
    /** Checks the argument. */
    public Internet {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String describe() {
      String flow = target.protocol().name().toLowerCase(java.util.Locale.ROOT)
          + (target.port() == -1 ? "" : " " + target.port());
      return target.destinationText()
          .map(d -> "reach " + d + " on the internet on " + flow)
          .orElse("reach the internet on " + flow)
          + target.allowlist().map(a -> " through an external allowlist").orElse("");
    }
  }

  /** An ECS instance connects directly to the service's instances, on the service's port. */
  record Client(EcsInstanceId client) implements Intent {
    /** Checks the argument. */
    public Client {
      Objects.requireNonNull(client, "client");
    }

    @Override
    public String describe() {
      return "accept ECS client " + client;
    }
  }

  /** The service reaches {@code target}. */
  static Intent reach(Target target) {
    return new Reach(target);
  }

  /** The service reaches {@code target} on the internet. */
  static Intent internet(InternetTarget target) {
    return new Internet(target);
  }

  /** The ECS instance {@code client} connects directly to the service. */
  static Intent client(EcsInstanceId client) {
    return new Client(client);
  }

  /**
   * An intents file: which service JSON files to plan for and what each service must do, in the one text form of
   * {@link IntentSyntax}. Service file paths are relative to the intents file. The JSON Schema is in the jar at
   * {@value #SCHEMA_RESOURCE}.
   *
   * <pre>{@code
   * {"version": 1, "services": [
   *   {"file": "service.json", "intents": ["rds:rm-1:3306", "internet", "from:ecs:i-web"]}]}
   * }</pre>
   *
   * <pre>{@code
   * IntentsFile intents = IntentsFile.read(Path.of("intents.json"));
   * List<ServiceInput> services = intents.services();
   * }</pre>
   */
  public static final class IntentsFile {
    /** The class-path resource of the JSON Schema (draft 2020-12). */
    public static final String SCHEMA_RESOURCE = "/io/easnet/core/plan/intents.schema.json";

    /** The version this library reads and writes. */
    public static final int VERSION = 1;

    private static final String EXAMPLE = "{\"version\": 1, \"services\": [{\"file\": \"service.json\", "
        + "\"intents\": [\"rds:rm-1:3306\", \"internet\"]}]}";

    private final Path file;
    private final List<ServiceInput> services;
    private final Map<String, Path> files;
    private final Map<String, String> digests;

    private IntentsFile(Path file, List<ServiceInput> services, Map<String, Path> files, Map<String, String> digests) {
      this.file = file;
      this.services = List.copyOf(services);
      this.files = Map.copyOf(files);
      this.digests = Map.copyOf(digests);
    }

    /**
     * Reads an intents file and the service JSON files it names.
     *
     * @throws InvalidInputException naming the file, the JSON pointer and the fix: unknown keys, wrong types, an
     *     intent that does not parse, a missing service file, two services of one name
     */
    public static IntentsFile read(Path file) {
      Objects.requireNonNull(file, "file");
      String source = file.toString();
      Cursor root = Cursor.root(JsonTrees.parse(JsonTrees.readFile(file), source), source);
      if (!root.isObject()) {
        throw root.error("an intents file must be a JSON object but this is " + Cursor.describe(root.node()) + ".",
            "write an object such as " + EXAMPLE + ".");
      }
      root.rejectUnknownKeys(List.of("$schema", "version", "services"));
      root.opt("$schema").ifPresent(Cursor::text);
      int version = root.required("version").integer();
      if (version != VERSION) {
        throw root.get("version").error("version " + version + " is not supported.", "write \"version\": " + VERSION
            + ".");
      }
      Cursor list = root.required("services");
      if (!list.isArray()) {
        throw list.error("\"services\" must be an array but this is " + Cursor.describe(list.node()) + ".",
            "write an array of {\"file\": ..., \"intents\": [...]} objects.");
      }
      List<ServiceInput> services = new ArrayList<>();
      Map<String, Path> files = new LinkedHashMap<>();
      Map<String, String> digests = new LinkedHashMap<>();
      for (Cursor s : list.elements()) {
        if (!s.isObject()) {
          throw s.error("a service entry must be an object but this is " + Cursor.describe(s.node()) + ".",
              "write {\"file\": \"service.json\", \"intents\": [\"internet\"]}.");
        }
        s.rejectUnknownKeys(List.of("file", "intents"));
        Cursor fileAt = s.required("file");
        String name = fileAt.text();
        if (name.isBlank()) {
          throw fileAt.error("the service file name is empty.", "write the path of the service JSON file, relative to"
              + " the intents file.");
        }
        Path serviceFile;
        try {
          serviceFile = relative(file, name);
        } catch (InvalidPathException e) {
          throw fileAt.error("\"" + JsonTrees.abbreviate(name) + "\" is not a path on this system: " + e.getReason()
              + ".", "write the path of the service JSON file, relative to the intents file.");
        }
        if (!Files.isRegularFile(serviceFile)) {
          throw fileAt.error("the service file " + serviceFile + " does not exist.", "write the path of the service"
              + " JSON file relative to the intents file (" + file + ").");
        }
        String serviceText = ServiceDocument.readText(serviceFile);
        ServiceDocument doc = ServiceDocument.parse(serviceText, serviceFile.toString());
        ServiceInput.Builder b = ServiceInput.builder().spec(doc.spec()).document(doc)
            .sourceName(io.easnet.core.internal.SourceNames.of(serviceFile));
        Cursor intents = s.required("intents");
        if (!intents.isArray()) {
          throw intents.error("\"intents\" must be an array but this is " + Cursor.describe(intents.node()) + ".",
              "write an array of intents such as [\"rds:rm-1:3306\", \"internet\"].");
        }
        for (Cursor i : intents.elements()) {
          Intent intent = IntentSyntax.parse(i.text(), source, i.pointer());
          b.addIntent(intent);
        }
        ServiceInput input = b.build();
        if (files.containsKey(input.name())) {
          throw fileAt.error("service " + input.name() + " is in the intents file twice (also from "
              + files.get(input.name()) + ").", "list each service once, with all its intents.");
        }
        files.put(input.name(), serviceFile);
        digests.put(input.name(), Sha256.hex(serviceText));
        services.add(input);
      }
      return new IntentsFile(file, services, files, digests);
    }

    /** The service file as written, resolved against the intents file's directory when relative. */
    private static Path relative(Path intents, String name) {
      Path p = Path.of(name);
      if (p.isAbsolute()) {
        return p;
      }
      Path parent = intents.getParent();
      return (parent != null ? parent.resolve(p) : p).normalize();
    }

    /** The intents file. */
    public Path file() {
      return file;
    }

    /** The services with their intents, in file order. */
    public List<ServiceInput> services() {
      return services;
    }

    /** The service JSON file a service came from. */
    public Optional<Path> serviceFile(String serviceName) {
      return Optional.ofNullable(files.get(serviceName));
    }

    /** The SHA-256 (hex) of a service's file as it was read: a plan records it, apply checks it. */
    public Optional<String> serviceFileDigest(String serviceName) {
      return Optional.ofNullable(digests.get(serviceName));
    }

    /** Every service's file, by service name, in file order. */
    public Map<String, Path> serviceFiles() {
      Map<String, Path> out = new LinkedHashMap<>();
      services.forEach(s -> out.put(s.name(), files.get(s.name())));
      return out;
    }
  }
}
