package mockwebserver3.archfixture;

/**
 * A stand-in in MockWebServer 3's package, because MockWebServer is not on the cli test classpath: the architecture
 * rule matches packages, so a dependency on this class is a dependency on "MockWebServer".
 */
public final class MockWebServerStandIn {
  /** Does nothing. */
  public static void start() {}
}
