package dev.clerkfx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code java -jar clerk-fx-testkit/target/clerk-fx-emulator.jar
 * [options]}.
 *
 * <p>Options:
 *
 * <pre>
 *   --port N                  listen on 127.0.0.1:N (default: a free port)
 *   --users FILE.json         add users from a file (format below)
 *   --token-lifetime SECONDS  session token lifetime (default 60)
 *   --multi-session           allow several signed-in sessions per client (default: single session)
 *   --client-trust            require a code on a new device after a password sign-in
 *   --no-rate-limits          turn off Clerk's per-IP limits (on by default when standalone)
 *   --no-demo-user            leave out the demo user
 *   --help                    print this help
 * </pre>
 *
 * On start it prints, one per line: {@code CLERK_PUBLISHABLE_KEY=…}, {@code CLERK_FAPI_URL=…},
 * {@code CLERK_SECRET_KEY=…}, {@code CLERK_DEMO_EMAIL=…}, {@code CLERK_DEMO_PASSWORD=…}; then it
 * serves until Ctrl-C (a shutdown hook closes it). It binds loopback only.
 *
 * <p>The users file is a JSON array of users, or an object {@code
 * {"organizations":[…],"users":[…]}}:
 *
 * <pre>{@code
 * {
 *   "organizations": [ {"name": "Acme", "slug": "acme",
 *                       "roles": {"org:admin": ["org:sys_memberships:manage"], "org:viewer": ["org:reports:read"]}} ],
 *   "users": [
 *     { "email": "ada+clerk_test@example.com", "password": "correct horse",
 *       "first_name": "Ada", "last_name": "Lovelace",
 *       "phone": "+15555550101", "username": "ada", "image_url": "https://…/ada.png",
 *       "totp_secret": "JBSWY3DPEHPK3PXP", "backup_codes": ["11111111", "22222222"],
 *       "organizations": [ {"slug": "acme", "role": "org:admin"} ],
 *       "public_metadata": {"plan": "pro"}, "banned": false, "locked": false }
 *   ]
 * }
 * }</pre>
 *
 * Each user needs an {@code email} (or {@code emails} array), {@code phone} (or {@code phones}) or
 * {@code username}; {@code id} fixes the user id. Organizations a user names but the file does not
 * define are created with Clerk's default roles ({@code org:admin}, {@code org:member}).
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  /**
   * Starts the emulator and serves until the JVM stops.
   *
   * @param args the options
   * @throws Exception if start-up fails
   */
  public static void main(String[] args) throws Exception {
    ClerkEmulator emulator;
    try {
      emulator = launch(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("clerk-fx-emulator: " + e.getMessage());
      System.err.println("Run with --help for the options.");
      System.exit(2);
      return;
    }
    if (emulator == null) {
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "clerk-emulator-shutdown"));
    stopped.await();
  }

  /**
   * Parses the options, starts an emulator and prints the start-up lines; the caller closes it.
   *
   * @param args the options
   * @param out where to print the start-up lines
   * @return the running emulator, or null when only help was asked for
   * @throws IllegalArgumentException for unknown options or a bad users file
   */
  public static ClerkEmulator launch(String[] args, PrintStream out) {
    ClerkEmulator.Builder b = ClerkEmulator.builder().rateLimits(true);
    boolean demo = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> b.port(intValue(a, value(args, ++i, a)));
        case "--users" -> loadUsers(Path.of(value(args, ++i, a)), b);
        case "--token-lifetime" ->
            b.tokenLifetime(Duration.ofSeconds(intValue(a, value(args, ++i, a))));
        case "--multi-session" -> b.multiSession(true);
        case "--client-trust" -> b.clientTrust(true);
        case "--no-rate-limits" -> b.rateLimits(false);
        case "--no-demo-user" -> {
          b.withoutDemoUser();
          demo = false;
        }
        case "--help", "-h" -> {
          out.println(help());
          return null;
        }
        default -> throw new IllegalArgumentException("Unknown option " + a);
      }
    }
    ClerkEmulator emulator = b.start();
    out.println("CLERK_PUBLISHABLE_KEY=" + emulator.publishableKey());
    out.println("CLERK_FAPI_URL=" + emulator.frontendApiUrl());
    out.println("CLERK_SECRET_KEY=" + emulator.secretKey());
    if (demo) {
      out.println("CLERK_DEMO_EMAIL=" + ClerkEmulator.DEMO_EMAIL);
      out.println("CLERK_DEMO_PASSWORD=" + ClerkEmulator.DEMO_PASSWORD);
    }
    out.flush();
    return emulator;
  }

  private static String help() {
    return "Usage: java -jar clerk-fx-emulator.jar [--port N] [--users FILE.json] [--token-lifetime SECONDS]\n"
        + "       [--multi-session] [--client-trust] [--no-rate-limits] [--no-demo-user] [--help]";
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int intValue(String option, String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, got '" + v + "'");
    }
  }

  /**
   * Reads a users file into a builder.
   *
   * @param file the JSON file
   * @param b the builder
   * @throws IllegalArgumentException when the file is missing or malformed
   */
  static void loadUsers(Path file, ClerkEmulator.Builder b) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read users file " + file + ": " + e.getMessage(), e);
    }
    JsonNode users = root != null && root.isObject() ? root.path("users") : root;
    if (users == null || !users.isArray()) {
      throw new IllegalArgumentException(
          "Users file "
              + file
              + " must hold a JSON array of users or an object with a \"users\" array");
    }
    Set<String> slugs = new LinkedHashSet<>();
    if (root.isObject() && root.path("organizations").isArray()) {
      for (JsonNode o : root.path("organizations")) {
        String slug = text(o, "slug", file);
        EmulatorOrganization org = EmulatorOrganization.of(o.path("name").asText(slug), slug);
        if (o.hasNonNull("id")) {
          org = org.withId(o.get("id").asText());
        }
        for (Map.Entry<String, JsonNode> role : o.path("roles").properties()) {
          List<String> perms = new ArrayList<>();
          role.getValue().forEach(p -> perms.add(p.asText()));
          org = org.withRole(role.getKey(), perms.toArray(String[]::new));
        }
        b.organization(org);
        slugs.add(slug);
      }
    }
    int n = 0;
    for (JsonNode u : users) {
      n++;
      if (!u.isObject()) {
        throw new IllegalArgumentException("User #" + n + " in " + file + " is not an object");
      }
      EmulatorUser.Builder ub = EmulatorUser.builder();
      opt(u, "id").ifPresent(ub::id);
      opt(u, "email").ifPresent(ub::email);
      u.path("emails").forEach(e -> ub.email(e.asText()));
      opt(u, "phone").ifPresent(ub::phone);
      u.path("phones").forEach(p -> ub.phone(p.asText()));
      opt(u, "username").ifPresent(ub::username);
      opt(u, "password").ifPresent(ub::password);
      opt(u, "first_name").ifPresent(ub::firstName);
      opt(u, "last_name").ifPresent(ub::lastName);
      opt(u, "image_url").ifPresent(ub::imageUrl);
      opt(u, "totp_secret").ifPresent(ub::totpSecret);
      List<String> codes = new ArrayList<>();
      u.path("backup_codes").forEach(c -> codes.add(c.asText()));
      ub.backupCodes(codes);
      ub.phoneSecondFactor(u.path("phone_second_factor").asBoolean(false));
      ub.banned(u.path("banned").asBoolean(false));
      ub.locked(u.path("locked").asBoolean(false));
      for (JsonNode m : u.path("organizations")) {
        String slug = text(m, "slug", file);
        if (slugs.add(slug)) {
          b.organization(EmulatorOrganization.of(slug, slug));
        }
        ub.organization(slug, m.path("role").asText("org:member"));
      }
      for (Map.Entry<String, JsonNode> e : u.path("public_metadata").properties()) {
        ub.publicMetadata(e.getKey(), new ObjectMapper().convertValue(e.getValue(), Object.class));
      }
      try {
        b.user(ub.build());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("User #" + n + " in " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private static java.util.Optional<String> opt(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? java.util.Optional.empty() : java.util.Optional.of(v.asText());
  }

  private static String text(JsonNode o, String field, Path file) {
    return opt(o, field)
        .orElseThrow(
            () -> new IllegalArgumentException("An entry in " + file + " lacks \"" + field + "\""));
  }
}
