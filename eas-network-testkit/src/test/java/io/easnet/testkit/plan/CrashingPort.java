package io.easnet.testkit.plan;

import io.easnet.core.spi.CloudPort;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A view of a cloud port that dies after its {@code n}-th write has reached the cloud: the write acts, then the
 * caller sees a {@link Crash}, as when the process is killed between a write and its answer. Reads pass through.
 */
final class CrashingPort {
  /** The simulated crash. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String message) {
      super(message);
    }
  }

  private static final List<String> WRITES = List.of("create", "delete", "update", "authorize", "revoke",
      "associate", "unassociate", "allocate", "append");

  private CrashingPort() {}

  /** {@code port} crashing after write number {@code n} (from 1); {@code writes} counts every write. */
  static CloudPort after(CloudPort port, int n, AtomicInteger writes) {
    return (CloudPort) Proxy.newProxyInstance(CloudPort.class.getClassLoader(), new Class<?>[] {CloudPort.class},
        (proxy, method, args) -> {
          Object api = method.invoke(port, args);
          if (method.getReturnType() == CloudPort.class || !method.getReturnType().isInterface()) {
            return api;
          }
          return Proxy.newProxyInstance(CloudPort.class.getClassLoader(), new Class<?>[] {method.getReturnType()},
              (p2, m2, a2) -> {
                Object out;
                try {
                  out = m2.invoke(api, a2);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
                if (WRITES.stream().anyMatch(m2.getName()::startsWith) && writes.incrementAndGet() == n) {
                  throw new Crash("crashed after write " + n + " (" + m2.getName() + ")");
                }
                return out;
              });
        });
  }
}
