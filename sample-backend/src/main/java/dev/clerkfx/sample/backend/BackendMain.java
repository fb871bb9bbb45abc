package dev.clerkfx.sample.backend;

import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link SampleBackend} alone, configured from {@code CLERK_*} environment variables (see
 * {@link BackendConfig#fromEnvironment}), until the process is stopped.
 *
 * <pre>{@code
 * CLERK_SECRET_KEY=sk_test_… mvn -B -ntp -pl sample-backend exec:java
 * }</pre>
 */
public final class BackendMain {
  private BackendMain() {}

  /**
   * Starts the server and prints its URL; a bad setting prints {@code sample-backend: <reason>} and
   * exits with 2.
   *
   * @param args ignored
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    BackendConfig config;
    try {
      config = BackendConfig.fromEnvironment(System.getenv());
    } catch (BackendConfigurationException e) {
      System.err.println("sample-backend: " + e.getMessage());
      System.exit(2);
      return;
    }
    SampleBackend backend = SampleBackend.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  backend.close();
                  stopped.countDown();
                },
                "sample-backend-shutdown"));
    System.out.println(
        "sample-backend listening on " + backend.uri("") + " (GET /api/me, GET /api/profile)");
    stopped.await();
  }
}
