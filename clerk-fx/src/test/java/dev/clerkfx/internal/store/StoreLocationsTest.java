package dev.clerkfx.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.ClerkConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StoreLocationsTest {

  @Test
  void linuxUsesAnAbsoluteXdgConfigHomeElseDotConfig() {
    assertThat(
            StoreLocations.configRoot("Linux", Map.of("XDG_CONFIG_HOME", "/xdg/conf"), "/home/ann"))
        .isEqualTo(Path.of("/xdg/conf"));
    assertThat(
            StoreLocations.configRoot(
                "Linux", Map.of("XDG_CONFIG_HOME", "relative/conf"), "/home/ann"))
        .isEqualTo(Path.of("/home/ann/.config"));
    assertThat(StoreLocations.configRoot("Linux", Map.of("XDG_CONFIG_HOME", " "), "/home/ann"))
        .isEqualTo(Path.of("/home/ann/.config"));
    assertThat(StoreLocations.configRoot("FreeBSD", Map.of(), "/home/ann"))
        .isEqualTo(Path.of("/home/ann/.config"));
  }

  @Test
  void macOsUsesApplicationSupport() {
    assertThat(
            StoreLocations.configRoot("Mac OS X", Map.of("XDG_CONFIG_HOME", "/xdg"), "/Users/ann"))
        .isEqualTo(Path.of("/Users/ann/Library/Application Support"));
  }

  @Test
  void windowsUsesTheLocalNotTheRoamingProfile() {
    assertThat(
            StoreLocations.configRoot(
                "Windows 11",
                Map.of("LOCALAPPDATA", "/users/ann/local", "APPDATA", "/users/ann/roaming"),
                "/users/ann"))
        .isEqualTo(Path.of("/users/ann/local"));
    assertThat(
            StoreLocations.configRoot(
                "Windows 11", Map.of("APPDATA", "/users/ann/roaming"), "/users/ann"))
        .isEqualTo(Path.of("/users/ann/roaming"));
    assertThat(StoreLocations.configRoot("Windows 11", Map.of(), "/users/ann"))
        .isEqualTo(Path.of("/users/ann/AppData/Local"));
  }

  @Test
  void appDirectoryIsUnderClerkFxInTheConfigRoot() {
    assertThat(StoreLocations.appDirectory("my-app"))
        .isEqualTo(StoreLocations.configRoot().resolve("clerk-fx").resolve("my-app"));
  }

  @Test
  void appIdForFapiHostKeepsHostsDistinctAndPathSafe() {
    assertThat(StoreLocations.appIdForFapiHost("Clean-Gecko-12.clerk.accounts.dev"))
        .isEqualTo("clean-gecko-12.clerk.accounts.dev");
    assertThat(StoreLocations.appIdForFapiHost("127.0.0.1:54321")).isEqualTo("127.0.0.1_54321");
    assertThat(StoreLocations.appIdForFapiHost("127.0.0.1:54322")).isNotEqualTo("127.0.0.1_54321");
    assertThat(StoreLocations.appIdForFapiHost("[::1]:8080")).isEqualTo("___1__8080");
    assertThat(StoreLocations.appIdForFapiHost("../../etc")).isEqualTo(".._.._etc");
    assertThat(StoreLocations.appIdForFapiHost("..")).isEqualTo("__");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void appIdForFapiHostRejectsNothing(String host) {
    assertThatThrownBy(() -> StoreLocations.appIdForFapiHost(host))
        .isInstanceOfSatisfying(
            ClerkConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("invalid_app_id"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {".", "..", "a/b", "a\\b", "a b", "café", "x:y"})
  void invalidAppIdsAreConfigurationErrors(String appId) {
    assertThatThrownBy(() -> StoreLocations.requireValidAppId(appId))
        .isInstanceOfSatisfying(
            ClerkConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("invalid_app_id"));
  }

  @Test
  void appIdsUpTo128CharactersAreValid() {
    assertThat(StoreLocations.requireValidAppId("a".repeat(128))).hasSize(128);
    assertThat(StoreLocations.requireValidAppId("My_App-1.0")).isEqualTo("My_App-1.0");
    assertThatThrownBy(() -> StoreLocations.requireValidAppId("a".repeat(129)))
        .isInstanceOf(ClerkConfigurationException.class);
  }
}
