import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Same JVM, same run, interleaved: the catalogue of the old jar and of the new jar (each in its own class loader, each
 * on its own copy of the same seeded estate) and the floor (Jackson readTree of the snapshot bytes). Min of N rounds
 * after two warm-up rounds, and the ratios to the floor.
 */
public class AB {
  static final class Side {
    final Object catalogue;
    final Method run;
    final Object input;
    final Object mapper;
    final Method readTree;
    final byte[] bytes;

    Side(String jar, int services) throws Exception {
      ClassLoader l = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> gen = l.loadClass("io.easnet.benchmarks.EstateGenerator");
      Class<?> size = l.loadClass("io.easnet.benchmarks.EstateGenerator$Size");
      Object sz = size.getMethod("proportional", int.class).invoke(null, services);
      Object estate = gen.getMethod("generate", size, long.class).invoke(null, sz, 7L);
      input = estate.getClass().getMethod("analysisInput").invoke(estate);
      bytes = (byte[]) estate.getClass().getMethod("snapshotJson").invoke(estate);
      Class<?> cat = l.loadClass("io.easnet.core.rules.RuleCatalog");
      catalogue = cat.getMethod("standard").invoke(null);
      run = cat.getMethod("run", l.loadClass("io.easnet.core.analysis.EstateAnalysis$AnalysisInput"));
      Class<?> om = l.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
      mapper = om.getConstructor().newInstance();
      readTree = om.getMethod("readTree", byte[].class);
    }

    long catalogue() throws Exception {
      long t = System.nanoTime();
      Object r = run.invoke(catalogue, input);
      long d = System.nanoTime() - t;
      if (((java.util.List<?>) r).isEmpty()) throw new IllegalStateException();
      return d;
    }

    long floor() throws Exception {
      long t = System.nanoTime();
      Object r = readTree.invoke(mapper, (Object) bytes);
      long d = System.nanoTime() - t;
      if (r == null) throw new IllegalStateException();
      return d;
    }
  }

  public static void main(String[] args) throws Exception {
    int services = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    Side old = new Side(args[0], services);
    Side neu = new Side(args[1], services);
    if (!java.util.Arrays.equals(old.bytes, neu.bytes)) throw new IllegalStateException("different estates");
    long bo = Long.MAX_VALUE, bn = Long.MAX_VALUE, bf = Long.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long f = Long.MAX_VALUE;
      for (int k = 0; k < 3; k++) f = Math.min(f, old.floor());
      long o;
      long n;
      System.gc();
      if (i % 2 == 0) {
        o = old.catalogue();
        System.gc();
        n = neu.catalogue();
      } else {
        n = neu.catalogue();
        System.gc();
        o = old.catalogue();
      }
      for (int k = 0; k < 3; k++) f = Math.min(f, neu.floor());
      System.out.printf("round %d: floor %d ms, old catalogue %d ms, new catalogue %d ms%n", i, f / 1_000_000, o / 1_000_000, n / 1_000_000);
      if (i >= 2) {
        bo = Math.min(bo, o); bn = Math.min(bn, n); bf = Math.min(bf, f);
      }
    }
    System.out.printf("%d services, min of %d rounds: floor %d ms; old catalogue %d ms (%.2fx); new catalogue %d ms (%.2fx); new/old %.2f%n",
        services, rounds - 2, bf / 1_000_000, bo / 1_000_000, (double) bo / bf, bn / 1_000_000, (double) bn / bf, (double) bn / bo);
  }
}
