package io.easnet.testkit.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections send at once ({@code TCP_NODELAY}). MockWebServer writes a response's
 * head and body in separate writes; with Nagle's algorithm on, the body waits for the client to acknowledge the
 * head, and the client delays that acknowledgement (about 40 ms on Linux), so every call on a kept-alive connection
 * took some 40 ms more than the emulator's declared latency. Measured in BENCHMARKS.md (budget 5): 46 ms per local
 * GET before, well under a millisecond after.
 */
final class NoDelayServerSockets extends ServerSocketFactory {
  static final NoDelayServerSockets INSTANCE = new NoDelayServerSockets();

  private NoDelayServerSockets() {}

  /** A server socket that sets {@code TCP_NODELAY} on each connection it accepts. */
  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket s = super.accept();
      s.setTcpNoDelay(true);
      return s;
    }
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket s = createServerSocket();
    s.bind(new java.net.InetSocketAddress(port));
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket s = createServerSocket();
    s.bind(new java.net.InetSocketAddress(port), backlog);
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    ServerSocket s = createServerSocket();
    s.bind(new java.net.InetSocketAddress(address, port), backlog);
    return s;
  }
}
