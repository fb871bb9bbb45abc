package dev.clerkfx.internal.fapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.RequestBody;

/**
 * An {@code application/x-www-form-urlencoded} FAPI request body, encoded as Clerk's native SDKs
 * do: strings as given (an empty string is kept: {@code organization_id=} is meaningful), booleans
 * as {@code true}/{@code false}, nested objects as ONE field holding a JSON string, string arrays
 * as repeated keys without brackets ({@code additional_scope=a&additional_scope=b}).
 *
 * <p>Immutable; {@link #toString()} redacts secret fields (passwords, codes, tokens).
 */
public final class Form {
  /** Fields whose values are never printed. */
  static final Set<String> SECRET_FIELDS =
      Set.of(
          "password",
          "new_password",
          "current_password",
          "code",
          "token",
          "ticket",
          "code_verifier",
          "rotating_token_nonce",
          "public_key_credential",
          "expired_token");

  private static final Form EMPTY = new Form(List.of());

  private final List<Map.Entry<String, String>> fields;

  private Form(List<Map.Entry<String, String>> fields) {
    this.fields = fields;
  }

  /** Returns an empty form. */
  public static Form empty() {
    return EMPTY;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the fields in order, as (name, value) pairs. */
  public List<Map.Entry<String, String>> fields() {
    return fields;
  }

  /**
   * Returns the first value of a field.
   *
   * @param name the field name
   * @return the value, or empty when absent
   */
  public Optional<String> get(String name) {
    return fields.stream()
        .filter(e -> e.getKey().equals(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Returns a builder holding this form's fields, to add more. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.fields.addAll(fields);
    return b;
  }

  /** Returns the OkHttp request body. */
  public RequestBody toRequestBody() {
    FormBody.Builder body = new FormBody.Builder();
    for (Map.Entry<String, String> e : fields) body.add(e.getKey(), e.getValue());
    return body.build();
  }

  /** Returns the field names with secret values redacted. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Form[");
    for (int i = 0; i < fields.size(); i++) {
      Map.Entry<String, String> e = fields.get(i);
      if (i > 0) sb.append(", ");
      sb.append(e.getKey())
          .append('=')
          .append(SECRET_FIELDS.contains(e.getKey()) ? "<redacted>" : e.getValue());
    }
    return sb.append(']').toString();
  }

  /** Builds a {@link Form}; adding a null value skips the field. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a string field; null skips it, an empty string is kept.
     *
     * @param name the field name (snake_case)
     * @param value the value
     * @return this builder
     */
    public Builder add(String name, String value) {
      if (value != null) fields.add(Map.entry(checked(name), value));
      return this;
    }

    /**
     * Adds a field when the optional holds a value.
     *
     * @param name the field name
     * @param value the value
     * @return this builder
     */
    public Builder add(String name, Optional<String> value) {
      return value == null ? this : add(name, value.orElse(null));
    }

    /**
     * Adds a boolean field as {@code true} or {@code false}; null skips it.
     *
     * @param name the field name
     * @param value the value
     * @return this builder
     */
    public Builder add(String name, Boolean value) {
      return value == null ? this : add(name, value ? "true" : "false");
    }

    /**
     * Adds a number field; null skips it.
     *
     * @param name the field name
     * @param value the value
     * @return this builder
     */
    public Builder add(String name, Number value) {
      return value == null ? this : add(name, value.toString());
    }

    /**
     * Adds a nested value (a map, record or list) as ONE field holding its JSON text, as FAPI
     * expects for {@code unsafe_metadata}; null skips it.
     *
     * @param name the field name
     * @param value the value
     * @return this builder
     */
    public Builder addJson(String name, Object value) {
      return value == null ? this : add(name, FapiJson.write(value));
    }

    /**
     * Adds each string as a repeated field without brackets; null or empty adds nothing.
     *
     * @param name the field name
     * @param values the values
     * @return this builder
     */
    public Builder addAll(String name, List<String> values) {
      if (values != null) {
        for (String v : values) add(name, v);
      }
      return this;
    }

    /** Returns the form. */
    public Form build() {
      return fields.isEmpty()
          ? EMPTY
          : new Form(Collections.unmodifiableList(new ArrayList<>(fields)));
    }

    private static String checked(String name) {
      if (name == null || name.isEmpty())
        throw new IllegalArgumentException("A form field needs a name");
      return name;
    }
  }
}
