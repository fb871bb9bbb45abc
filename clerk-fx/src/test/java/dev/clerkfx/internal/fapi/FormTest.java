package dev.clerkfx.internal.fapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.FormBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class FormTest {

  @Test
  void encodesValuesAsTheNativeSdksDo() throws Exception {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("plan", "pro");
    metadata.put("seats", 3);
    metadata.put("tags", List.of("a", "b"));
    Form form =
        Form.builder()
            .add("strategy", "password")
            .add("sign_out_of_other_sessions", false)
            .add("organization_id", "")
            .add("limit", 5)
            .add("maybe", Optional.empty())
            .add("present", Optional.of("yes"))
            .addJson("unsafe_metadata", metadata)
            .addAll("additional_scope", List.of("write", "view"))
            .addAll("none", null)
            .build();
    assertThat(form.fields())
        .extracting(e -> e.getKey() + "=" + e.getValue())
        .containsExactly(
            "strategy=password",
            "sign_out_of_other_sessions=false",
            "organization_id=",
            "limit=5",
            "present=yes",
            "unsafe_metadata={\"plan\":\"pro\",\"seats\":3,\"tags\":[\"a\",\"b\"]}",
            "additional_scope=write",
            "additional_scope=view");
    FormBody body = (FormBody) form.toRequestBody();
    assertThat(body.contentType().toString()).startsWith("application/x-www-form-urlencoded");
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    assertThat(buffer.readUtf8())
        .isEqualTo(
            "strategy=password&sign_out_of_other_sessions=false&organization_id="
                + "&limit=5&present=yes&unsafe_metadata=%7B%22plan%22%3A%22pro%22%2C%22seats%22%3A3%2C%22tags%22%3A%5B%22a%22"
                + "%2C%22b%22%5D%7D&additional_scope=write&additional_scope=view");
  }

  @Test
  void toStringRedactsSecrets() {
    Form form =
        Form.builder()
            .add("identifier", "jane@example.com")
            .add("password", "hunter2")
            .add("code", "424242")
            .build();
    assertThat(form.toString())
        .contains("identifier=jane@example.com")
        .doesNotContain("hunter2", "424242");
    assertThat(form.get("password")).contains("hunter2");
  }

  @Test
  void toBuilderExtendsAndEmptyIsShared() {
    Form base = Form.builder().add("a", "1").build();
    assertThat(base.toBuilder().add("b", "2").build().fields()).hasSize(2);
    assertThat(base.fields()).hasSize(1);
    assertThat(Form.builder().build()).isSameAs(Form.empty());
    assertThatThrownBy(() -> Form.builder().add("", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
