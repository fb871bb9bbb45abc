package dev.clerkfx.internal.handoff;

import dev.clerkfx.internal.store.OwnerOnlyFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The single-instance hand-off behind {@code dev.clerkfx.browser.UrlSchemeHandoff}: the first
 * process takes an exclusive file lock, listens on {@code 127.0.0.1:<random port>} and writes
 * {@code <port> <secret>} to an owner-only file; a later process fails to take the lock, reads that
 * file, sends the secret and its URL arguments, and waits for {@code ok}. URLs that arrive while
 * nobody listens are kept (up to 16) for the next listener.
 */
public final class HandoffServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.clerkfx.browser");
  private static final Pattern URL_ARG = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.+");
  private static final int MAX_KEPT = 16;
  private static final long FORWARD_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final ServerSocket socket;
  private final String secret;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Path portFile;
  private final Thread acceptor;
  private final Deque<URI> kept = new ArrayDeque<>();
  private Consumer<URI> listener;
  private volatile boolean closed;

  /**
   * Lets the internal flows reach the server behind the public hand-off ({@code
   * dev.clerkfx.browser.UrlSchemeHandoff} installs the accessor; this package does not depend on
   * that one).
   */
  public static final class Access {
    private static volatile Function<Object, HandoffServer> access;

    private Access() {}

    /**
     * Installs the accessor (called once by the public hand-off type).
     *
     * @param type the public hand-off type
     * @param f the accessor
     * @param <T> the public hand-off type
     */
    public static <T> void set(Class<T> type, Function<T, HandoffServer> f) {
      access = handoff -> f.apply(type.cast(handoff));
    }

    /**
     * Returns the server behind a public hand-off.
     *
     * @param handoff the public hand-off
     * @return its server
     */
    public static HandoffServer of(Object handoff) {
      return access.apply(handoff);
    }
  }

  private HandoffServer(
      ServerSocket socket, String secret, FileChannel lockChannel, FileLock lock, Path portFile) {
    this.socket = socket;
    this.secret = secret;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.portFile = portFile;
    this.acceptor = new Thread(this::acceptLoop, "clerk-fx-url-handoff");
    acceptor.setDaemon(true);
  }

  /**
   * Claims the hand-off, or forwards the URL arguments to the instance holding it.
   *
   * @param dir the folder for the lock and port files
   * @param args process arguments
   * @return the server when this process is the first; empty when forwarded
   * @throws IOException when neither works
   */
  public static Optional<HandoffServer> claim(Path dir, List<String> args) throws IOException {
    OwnerOnlyFiles.ensurePrivateDirectory(dir);
    Path lockFile = dir.resolve("handoff.lock");
    Path portFile = dir.resolve("handoff.port");
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      forward(portFile, urls(args));
      return Optional.empty();
    }
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      OwnerOnlyFiles.write(
          portFile, (socket.getLocalPort() + " " + secret).getBytes(StandardCharsets.UTF_8));
      HandoffServer server = new HandoffServer(socket, secret, channel, lock, portFile);
      for (String u : urls(args)) server.deliver(URI.create(u));
      server.acceptor.start();
      return Optional.of(server);
    } catch (IOException | RuntimeException e) {
      socket.close();
      lock.release();
      channel.close();
      throw e;
    }
  }

  private static List<String> urls(List<String> args) {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      if (a != null && URL_ARG.matcher(a).matches()) {
        try {
          URI.create(a);
          out.add(a);
        } catch (IllegalArgumentException e) {
          LOG.log(System.Logger.Level.DEBUG, "Ignored an argument that is not a URL");
        }
      }
    }
    return out;
  }

  private static void forward(Path portFile, List<String> urls) throws IOException {
    long deadline = System.nanoTime() + FORWARD_WAIT_NANOS;
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try {
        String[] parts = Files.readString(portFile, StandardCharsets.UTF_8).trim().split(" ");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(parts[0]))) {
          s.setSoTimeout(10_000);
          OutputStream out = s.getOutputStream();
          StringBuilder msg = new StringBuilder(parts[1]).append('\n');
          for (String u : urls) msg.append(u.replace("\n", "").replace("\r", "")).append('\n');
          msg.append('\n');
          out.write(msg.toString().getBytes(StandardCharsets.UTF_8));
          out.flush();
          String ack =
              new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                  .readLine();
          if ("ok".equals(ack)) return;
          last = new IOException("The running instance refused the hand-off");
        }
      } catch (NoSuchFileException
          | java.net.ConnectException
          | NumberFormatException
          | ArrayIndexOutOfBoundsException e) {
        last = e instanceof IOException io ? io : new IOException(e);
      }
      // the first instance holds the lock but has not written its port yet (or is restarting): try
      // again shortly
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    throw new IOException(
        "Another instance holds the hand-off lock but could not be reached", last);
  }

  private void acceptLoop() {
    while (!closed) {
      try (Socket s = socket.accept()) {
        s.setSoTimeout(5_000);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        String first = in.readLine();
        if (first == null
            || !MessageDigest.isEqual(
                first.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
          LOG.log(System.Logger.Level.WARNING, "Refused a URL hand-off without the right secret");
          continue;
        }
        List<URI> received = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          try {
            received.add(URI.create(line));
          } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "Ignored a forwarded argument that is not a URL");
          }
        }
        s.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        received.forEach(this::deliver);
      } catch (SocketException e) {
        if (closed) return;
      } catch (IOException e) {
        LOG.log(
            System.Logger.Level.DEBUG,
            "A URL hand-off connection failed: " + e.getClass().getSimpleName());
      }
    }
  }

  /**
   * Delivers a URL to the current listener, or keeps it for the next one.
   *
   * @param url the URL
   */
  public void deliver(URI url) {
    Consumer<URI> l;
    synchronized (this) {
      l = listener;
      if (l == null) {
        if (kept.size() == MAX_KEPT) kept.removeFirst();
        kept.addLast(url);
        return;
      }
    }
    l.accept(url);
  }

  /**
   * Makes {@code l} the listener (it runs on the hand-off's thread, or the caller's for kept URLs)
   * and hands it the URLs kept so far.
   *
   * @param l the listener
   * @return closes the subscription
   */
  public AutoCloseable listen(Consumer<URI> l) {
    List<URI> backlog;
    synchronized (this) {
      listener = l;
      backlog = new ArrayList<>(kept);
      kept.clear();
    }
    backlog.forEach(l);
    return () -> {
      synchronized (this) {
        if (listener == l) listener = null;
      }
    };
  }

  /** Returns the loopback port. */
  public int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
      Files.deleteIfExists(portFile);
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.DEBUG, "Closing the URL hand-off: " + e.getClass().getSimpleName());
    }
  }
}
