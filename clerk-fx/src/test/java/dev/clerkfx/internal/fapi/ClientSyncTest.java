package dev.clerkfx.internal.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.model.Client;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ClientSyncTest {
  private static final Instant T = Instant.parse("2026-11-27T12:00:00Z");

  private static Client client(String id, String lastActive) {
    return new Client(id, null, null, null, Optional.ofNullable(lastActive), null, null, false, null, null);
  }

  @Test
  void appliesInServerTimeOrder() {
    ClientSync sync = new ClientSync();
    List<Optional<Client>> seen = new CopyOnWriteArrayList<>();
    sync.addListener(seen::add);
    assertThat(sync.apply(client("c", "new"), T.plusSeconds(5))).isTrue();
    assertThat(sync.apply(client("c", "old"), T)).isFalse();
    assertThat(sync.apply(client("c", "same-second"), T.plusSeconds(5))).isTrue();
    assertThat(sync.apply(client("c", "undated"), null)).isTrue();
    assertThat(sync.current().orElseThrow().lastActiveSessionId()).contains("undated");
    assertThat(sync.newestServerTime()).contains(T.plusSeconds(5));
    assertThat(seen).extracting(o -> o.orElseThrow().lastActiveSessionId().orElseThrow())
        .containsExactly("new", "same-second", "undated");
  }

  @Test
  void clearAndResetNotifyAndResetOrdering() {
    ClientSync sync = new ClientSync();
    List<Optional<Client>> seen = new CopyOnWriteArrayList<>();
    Registration handle = sync.addListener(seen::add);
    sync.apply(client("c", null), T);
    sync.apply(null, T.plusSeconds(1));
    assertThat(sync.current()).isEmpty();
    sync.reset(client("restored", null));
    assertThat(sync.newestServerTime()).isEmpty();
    assertThat(sync.apply(client("older", null), T)).as("reset drops the watermark").isTrue();
    handle.close();
    sync.apply(client("unheard", null), T.plusSeconds(9));
    assertThat(seen).hasSize(4);
    assertThat(seen.get(1)).isEmpty();
  }

  @Test
  void equalSnapshotsDoNotNotify() {
    ClientSync sync = new ClientSync();
    List<Optional<Client>> seen = new CopyOnWriteArrayList<>();
    sync.addListener(seen::add);
    sync.apply(client("c", "s"), T);
    sync.apply(client("c", "s"), T.plusSeconds(1));
    assertThat(seen).hasSize(1);
  }

  @Test
  void aFailingListenerDoesNotStopOthers() {
    ClientSync sync = new ClientSync();
    List<Optional<Client>> seen = new CopyOnWriteArrayList<>();
    sync.addListener(c -> {
      throw new IllegalStateException("boom");
    });
    sync.addListener(seen::add);
    sync.apply(client("c", null), T);
    assertThat(seen).hasSize(1);
  }
}
