package dev.clerkfx.internal.fapi;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs FAPI traffic through {@link System.Logger} without secrets: at {@code DEBUG} one line per
 * request and per response (method, path, status, time); at {@code TRACE} also headers and form
 * fields, with the {@code Authorization} header, cookies and secret form/query values (passwords,
 * codes, tokens, nonces) redacted. Response bodies are never logged (they carry session tokens).
 */
public final class RedactingLoggingInterceptor implements Interceptor {
  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "cookie", "set-cookie");
  private static final String REDACTED = "<redacted>";

  private final System.Logger log;

  /** Creates the interceptor logging to {@code dev.clerkfx.fapi}. */
  public RedactingLoggingInterceptor() {
    this(FapiLog.LOG);
  }

  /**
   * Creates the interceptor logging to a given logger.
   *
   * @param log the logger
   */
  public RedactingLoggingInterceptor(System.Logger log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isLoggable(Level.DEBUG)) return chain.proceed(request);
    String url = redactedUrl(request.url());
    log.log(Level.DEBUG, "--> " + request.method() + " " + url);
    if (log.isLoggable(Level.TRACE)) {
      request
          .headers()
          .forEach(
              h ->
                  log.log(
                      Level.TRACE,
                      "    " + h.getFirst() + ": " + headerValue(h.getFirst(), h.getSecond())));
      if (request.body() instanceof FormBody form)
        log.log(Level.TRACE, "    body: " + redactedForm(form));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log.log(
          Level.DEBUG,
          "<-- FAILED " + request.method() + " " + url + ": " + e.getClass().getSimpleName());
      throw e;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    log.log(
        Level.DEBUG,
        "<-- " + response.code() + " " + request.method() + " " + url + " (" + ms + " ms)");
    if (log.isLoggable(Level.TRACE)) {
      response
          .headers()
          .forEach(
              h ->
                  log.log(
                      Level.TRACE,
                      "    " + h.getFirst() + ": " + headerValue(h.getFirst(), h.getSecond())));
    }
    return response;
  }

  /**
   * Returns a header value fit to log.
   *
   * @param name the header name
   * @param value the value
   * @return the value, or a redaction marker for secret headers
   */
  static String headerValue(String name, String value) {
    if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) return value;
    return value == null || value.isEmpty() ? "<empty>" : REDACTED;
  }

  /**
   * Returns a URL fit to log: secret query values redacted.
   *
   * @param url the URL
   * @return the text
   */
  static String redactedUrl(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      if (Form.SECRET_FIELDS.contains(name) || name.contains("token"))
        b.setQueryParameter(name, REDACTED);
    }
    return b.build().toString();
  }

  /**
   * Returns form fields fit to log: secret values redacted.
   *
   * @param form the body
   * @return the text
   */
  static String redactedForm(FormBody form) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < form.size(); i++) {
      if (i > 0) sb.append('&');
      String name = form.name(i);
      sb.append(name)
          .append('=')
          .append(Form.SECRET_FIELDS.contains(name) ? REDACTED : form.value(i));
    }
    return sb.toString();
  }
}
