package io.easnet.core.analysis;

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
}
