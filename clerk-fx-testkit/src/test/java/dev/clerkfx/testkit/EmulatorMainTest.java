package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorMainTest {
  @TempDir Path dir;

  private static Map<String, String> lines(ByteArrayOutputStream out) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\\R")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return m;
  }

  @Test
  void printsTheStartLinesAndServes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ClerkEmulator e =
        EmulatorMain.launch(
            new String[] {"--token-lifetime", "90"},
            new PrintStream(out, true, StandardCharsets.UTF_8))) {
      Map<String, String> printed = lines(out);
      assertThat(printed.keySet())
          .containsExactly(
              "CLERK_PUBLISHABLE_KEY",
              "CLERK_FAPI_URL",
              "CLERK_SECRET_KEY",
              "CLERK_DEMO_EMAIL",
              "CLERK_DEMO_PASSWORD");
      assertThat(printed.get("CLERK_PUBLISHABLE_KEY")).isEqualTo(e.publishableKey());
      assertThat(printed.get("CLERK_FAPI_URL"))
          .isEqualTo(e.frontendApiUrl())
          .startsWith("http://127.0.0.1:");
      assertThat(printed.get("CLERK_SECRET_KEY")).isEqualTo(e.secretKey());
      NativeClient app = new NativeClient(e);
      String sid = app.signIn(printed.get("CLERK_DEMO_EMAIL"), printed.get("CLERK_DEMO_PASSWORD"));
      var claims = NativeClient.jwtPart(app.sessionToken(sid), 1);
      assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(90);
    }
  }

  @Test
  void loadsUsersAndOrganizationsFromAFile() throws Exception {
    Path users = dir.resolve("users.json");
    Files.writeString(
        users,
        """
        {"organizations": [{"name": "Acme", "slug": "acme", "roles": {"org:viewer": ["org:reports:read"]}}],
         "users": [
           {"email": "ada@example.com", "password": "analytical", "first_name": "Ada",
            "organizations": [{"slug": "acme", "role": "org:viewer"}, {"slug": "other"}],
            "public_metadata": {"plan": "pro"}},
           {"username": "bob", "password": "bob-password", "banned": true}
         ]}
        """);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ClerkEmulator e =
        EmulatorMain.launch(
            new String[] {
              "--users", users.toString(), "--no-demo-user", "--multi-session", "--no-rate-limits"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(lines(out)).doesNotContainKey("CLERK_DEMO_EMAIL");
      EmulatorUser ada = e.userByIdentifier("ada@example.com").orElseThrow();
      assertThat(ada.memberships())
          .extracting(EmulatorUser.Membership::organizationSlug)
          .containsExactly("acme", "other");
      assertThat(ada.publicMetadata()).containsEntry("plan", "pro");
      assertThat(e.userByIdentifier("bob").orElseThrow().banned()).isTrue();
      assertThat(e.users()).hasSize(2);
      assertThat(new NativeClient(e).signIn("ada@example.com", "analytical")).startsWith("sess_");
    }
  }

  @Test
  void listsUsersFromAPlainArray() throws Exception {
    Path users = dir.resolve("plain.json");
    Files.writeString(users, "[{\"email\": \"x@example.com\", \"password\": \"pw-pw-pw-pw\"}]");
    try (ClerkEmulator e =
        EmulatorMain.launch(
            new String[] {"--users", users.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertThat(e.userByIdentifier("x@example.com")).isPresent();
      assertThat(e.demoUser().email()).contains(ClerkEmulator.DEMO_EMAIL);
    }
  }

  @Test
  void badOptionsAreClearErrors() throws Exception {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EmulatorMain.launch(new String[] {"--bogus"}, sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--bogus");
    assertThatThrownBy(() -> EmulatorMain.launch(new String[] {"--port"}, sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> EmulatorMain.launch(new String[] {"--token-lifetime", "soon"}, sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"users\": [{\"password\": \"no identifier\"}]}");
    assertThatThrownBy(() -> EmulatorMain.launch(new String[] {"--users", broken.toString()}, sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("User #1");
    assertThatThrownBy(
            () ->
                EmulatorMain.launch(
                    new String[] {"--users", dir.resolve("missing").toString()}, sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot read");
  }

  @Test
  void helpPrintsUsageAndStartsNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            EmulatorMain.launch(
                new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isNull();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--users").contains("--port");
  }
}
