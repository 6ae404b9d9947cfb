package io.easnet.cli;

import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.RequestListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** Progress of live calls on standard error, only when it is an interactive terminal. */
final class Progress implements RequestListener {
  private final PrintWriter err;
  private final AtomicInteger calls = new AtomicInteger();

  private Progress(PrintWriter err) {
    this.err = err;
  }

  static RequestListener of(RootCommand root) {
    return root.terminal.interactive() ? new Progress(root.spec.commandLine().getErr()) : RequestListener.none();
  }

  @Override
  public void onRequest(RequestEvent event) {
    int n = calls.incrementAndGet();
    synchronized (err) {
      err.println("  [" + n + "] " + event.action() + (event.page() > 1 ? " page " + event.page() : "")
          + (event.succeeded() ? "" : " failed: " + event.errorCode().orElse("HTTP " + event.httpStatus())));
      err.flush();
    }
  }
}
