package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The emulator's HTTP/1.1 layer on the wire: keep-alive, chunked bodies, 100-continue, HTTP/1.0,
 * bad requests.
 */
class HttpWireTest {
  @AutoClose
  private final ClerkEmulator emulator =
      ClerkEmulator.builder()
          .clock(EmulatorClock.startingAt(Instant.parse("2026-02-02T02:02:02Z")))
          .start();

  private record Wire(int status, Map<String, String> headers, String body) {}

  private static Wire read(InputStream in) throws IOException {
    String statusLine = line(in);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int c = l.indexOf(':');
      headers.put(l.substring(0, c).toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
    }
    int len = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return new Wire(
        Integer.parseInt(statusLine.split(" ")[1]),
        headers,
        new String(in.readNBytes(len), StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("closed");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void keepAliveChunkedBodyAndDateFromTheClock() throws IOException {
    try (Socket s = new Socket("127.0.0.1", emulator.port())) {
      OutputStream out = s.getOutputStream();
      InputStream in = new BufferedInputStream(s.getInputStream());
      String form = "identifier=demo%2Bclerk_test%40example.com&password=clerk-fx-demo";
      String chunked =
          Integer.toHexString(10)
              + "\r\n"
              + form.substring(0, 10)
              + "\r\n"
              + Integer.toHexString(form.length() - 10)
              + "\r\n"
              + form.substring(10)
              + "\r\n0\r\n\r\n";
      out.write(
          ("POST /v1/client/sign_ins?_is_native=true HTTP/1.1\r\nHost: x\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + chunked)
              .getBytes(StandardCharsets.US_ASCII));
      out.write(
          "GET /v1/environment HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Wire first = read(in);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).contains("\"status\":\"complete\"");
      assertThat(first.headers())
          .containsEntry("connection", "keep-alive")
          .containsEntry("date", "Mon, 2 Feb 2026 02:02:02 GMT");
      Wire second = read(in);
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body()).contains("auth_config");
    }
  }

  @Test
  void expectContinueAndHttp10Close() throws IOException {
    try (Socket s = new Socket("127.0.0.1", emulator.port())) {
      OutputStream out = s.getOutputStream();
      InputStream in = new BufferedInputStream(s.getInputStream());
      out.write(
          ("POST /v1/client HTTP/1.0\r\nContent-Length: 0\r\nExpect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(line(in)).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(line(in)).isEmpty();
      Wire created = read(in);
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.headers())
          .containsKey("authorization")
          .containsEntry("connection", "close");
      assertThat(in.read()).as("the server closed the HTTP/1.0 connection").isEqualTo(-1);
    }
  }

  @Test
  void garbageRequestLineIs400() throws IOException {
    try (Socket s = new Socket("127.0.0.1", emulator.port())) {
      s.getOutputStream().write("HELLO\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      Wire r = read(new BufferedInputStream(s.getInputStream()));
      assertThat(r.status()).isEqualTo(400);
    }
    assertThat(new NativeClient(emulator).get("/v1/environment").status())
        .as("still serving")
        .isEqualTo(200);
  }
}
