package io.easnet.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with a {@link FakeCloud}: declare a {@code FakeCloud} (or {@code CloudPort}) parameter on a test,
 * lifecycle method or constructor and it is injected.
 *
 * <pre>{@code
 * @EasNetworkTest(seed = 42)
 * class MyTest {
 *   @Test
 *   void something(FakeCloud fake) {
 *     fake.estate().vpc("prod", "192.168.0.0/16");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh fake unless {@link #perClass()} is set; the fake is closed when its scope ends. For a
 * planted estate shared by every test, use {@link EasNetworkExtension#builder()} with {@code @RegisterExtension}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EasNetworkExtension.class)
public @interface EasNetworkTest {
  /** The seed of ids and faults. */
  long seed() default FakeCloud.DEFAULT_SEED;

  /** One fake for the whole class (and its nested classes) instead of one per test. */
  boolean perClass() default false;
}
