package dev.clerkfx.testkit.internal.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on a loopback {@link ServerSocket}: keep-alive, {@code Content-Length}
 * and chunked request bodies, {@code Expect: 100-continue}, one thread per connection.
 *
 * <p>The emulator uses this instead of the JDK's {@code com.sun.net.httpserver.HttpServer} because
 * that server always overwrites the {@code Date} response header with the real time (JDK 17 {@code
 * sun.net.httpserver.ExchangeImpl.sendResponseHeaders}), and clients judge token expiry and order
 * client snapshots by {@code Date}: it must come from the emulator clock.
 */
final class HttpConnectionServer implements Closeable {
  private static final System.Logger LOG = System.getLogger(HttpConnectionServer.class.getName());
  private static final int MAX_HEAD = 64 * 1024;
  private static final int IDLE_TIMEOUT_MS = 60_000;

  /** A parsed request as read from the wire. */
  @SuppressWarnings("ArrayRecordComponent") // a carrier of raw bytes; never compared or hashed
  record RawRequest(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      String remoteHost) {}

  /** What to do with a request: a response, or null to drop the connection. */
  interface Exchange {
    /**
     * Answers one request.
     *
     * @param request the request
     * @return the response, or null to close the connection without answering
     */
    Response handle(RawRequest request);

    /** Returns the value of the {@code Date} header. */
    String date();
  }

  private final ServerSocket socket;
  private final ExecutorService workers;
  private final Exchange exchange;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final int maxBody;
  private volatile boolean closed;
  private volatile Thread acceptor;

  HttpConnectionServer(int port, Exchange exchange, int maxBody) throws IOException {
    this.exchange = exchange;
    this.maxBody = maxBody;
    this.socket = new ServerSocket();
    socket.setReuseAddress(
        true); // a restarted standalone emulator can rebind its --port despite TIME_WAIT
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "clerk-emulator-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  int port() {
    return socket.getLocalPort();
  }

  void start() {
    acceptor = new Thread(this::acceptLoop, "clerk-emulator-accept-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        workers.execute(() -> serve(s));
      } catch (IOException e) {
        if (!closed) {
          LOG.log(System.Logger.Level.WARNING, "Emulator accept failed", e);
        }
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(IDLE_TIMEOUT_MS);
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = new BufferedOutputStream(s.getOutputStream());
      String remote = s.getInetAddress().getHostAddress();
      while (!closed) {
        String requestLine = readLine(in, true);
        if (requestLine == null) {
          return;
        }
        if (requestLine.isEmpty()) {
          continue;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
          writeSimple(out, 400, "Bad Request", false);
          return;
        }
        Map<String, List<String>> headers = readHeaders(in);
        if (headers == null) {
          writeSimple(out, 431, "Request Header Fields Too Large", false);
          return;
        }
        boolean http10 = parts[2].equals("HTTP/1.0");
        String connection = first(headers, "connection").toLowerCase(Locale.ROOT);
        boolean keepAlive =
            http10 ? connection.contains("keep-alive") : !connection.contains("close");
        if (first(headers, "expect").equalsIgnoreCase("100-continue")) {
          out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
        byte[] body;
        try {
          body = readBody(in, headers);
        } catch (IllegalArgumentException e) {
          writeSimple(out, 413, "Payload Too Large", false);
          return;
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? null : target.substring(q + 1);
        if (rawPath.startsWith("http://") || rawPath.startsWith("https://")) {
          int slash = rawPath.indexOf('/', rawPath.indexOf("//") + 2);
          rawPath = slash < 0 ? "/" : rawPath.substring(slash);
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        Response response =
            exchange.handle(new RawRequest(method, rawPath, rawQuery, headers, body, remote));
        if (response == null) {
          s.setSoLinger(true, 0);
          return;
        }
        write(out, response, method.equals("HEAD"), keepAlive);
        if (!keepAlive) {
          return;
        }
      }
    } catch (SocketTimeoutException | EOFException e) {
      // idle keep-alive connection or client gone
    } catch (SocketException e) {
      if (!closed) {
        LOG.log(System.Logger.Level.DEBUG, "Emulator connection reset", e);
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "Emulator connection failed", e);
    } finally {
      open.remove(s);
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0).trim();
  }

  /** Reads one CRLF- (or LF-) terminated line; null at a clean end of stream before any byte. */
  private static String readLine(InputStream in, boolean eofOk) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (buf.size() == 0 && eofOk) {
          return null;
        }
        throw new EOFException("Connection closed mid-line");
      }
      if (b == '\n') {
        byte[] bytes = buf.toByteArray();
        int len =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      buf.write(b);
      if (buf.size() > MAX_HEAD) {
        throw new IOException("Line too long");
      }
    }
  }

  private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    int total = 0;
    while (true) {
      String line = readLine(in, false);
      if (line.isEmpty()) {
        return headers;
      }
      total += line.length();
      if (total > MAX_HEAD) {
        return null;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
  }

  private byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
    if (first(headers, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine(in, false);
        int semi = sizeLine.indexOf(';');
        int size;
        try {
          size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("Bad chunk size");
        }
        if (size == 0) {
          while (!readLine(in, false).isEmpty()) {
            // trailers
          }
          return body.toByteArray();
        }
        if (body.size() + size > maxBody) {
          throw new IllegalArgumentException("body too large");
        }
        body.write(in.readNBytes(size));
        readLine(in, false);
      }
    }
    String len = first(headers, "content-length");
    if (len.isEmpty()) {
      return new byte[0];
    }
    long n;
    try {
      n = Long.parseLong(len);
    } catch (NumberFormatException e) {
      throw new IOException("Bad Content-Length");
    }
    if (n > maxBody) {
      throw new IllegalArgumentException("body too large");
    }
    byte[] body = in.readNBytes((int) n);
    if (body.length < n) {
      throw new EOFException("Body shorter than Content-Length");
    }
    return body;
  }

  private void write(OutputStream out, Response r, boolean head, boolean keepAlive)
      throws IOException {
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
    for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
      String name = h.getKey();
      if (name.equalsIgnoreCase("content-length")
          || name.equalsIgnoreCase("connection")
          || name.equalsIgnoreCase("date")) {
        continue;
      }
      for (String v : h.getValue()) {
        sb.append(name).append(": ").append(v.replace("\r", "").replace("\n", "")).append("\r\n");
      }
    }
    sb.append("Date: ").append(exchange.date()).append("\r\n");
    boolean noBody =
        r.status() == 204 || r.status() == 304 || (r.status() >= 100 && r.status() < 200);
    if (!noBody) {
      sb.append("Content-Length: ").append(r.body().length).append("\r\n");
    }
    sb.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!noBody && !head) {
      out.write(r.body());
    }
    out.flush();
  }

  private void writeSimple(OutputStream out, int status, String text, boolean keepAlive)
      throws IOException {
    write(out, Response.html(status, text), false, keepAlive);
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 302 -> "Found";
      case 307 -> "Temporary Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status";
    };
  }

  /** Stops accepting, closes open connections and stops the workers. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "Closing the emulator socket failed", e);
    }
    // The JDK closes a listening socket that a thread is blocked on in accept() only when that
    // thread has left the
    // system call; until then the kernel still completes connections. Wait for the acceptor, so a
    // closed emulator's
    // port refuses connections as soon as close() returns.
    if (acceptor != null && acceptor != Thread.currentThread()) {
      try {
        acceptor.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "Closing a connection failed", e);
      }
    }
    workers.shutdownNow();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
