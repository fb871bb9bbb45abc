package dev.clerkfx.internal.fapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * {@code Instant} as the Frontend API writes timestamps: epoch milliseconds. Reads a JSON integer
 * (or a string holding one, or an ISO-8601 instant) and writes an integer.
 *
 * <p>This is all of {@code java.time} the models use, so the mapper does without Jackson's JSR-310
 * module and the time it takes to register on a cold start.
 */
final class EpochMillis {
  private EpochMillis() {}

  /** The module to register on the mapper. */
  static SimpleModule module() {
    return new SimpleModule("clerk-fx-epoch-millis")
        .addSerializer(Instant.class, new Writer())
        .addDeserializer(Instant.class, new Reader());
  }

  private static final class Writer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeNumber(value.toEpochMilli());
    }
  }

  private static final class Reader extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT) {
        return Instant.ofEpochMilli(p.getLongValue());
      }
      if (t == JsonToken.VALUE_STRING) {
        String text = p.getText().trim();
        try {
          return text.chars().allMatch(c -> c >= '0' && c <= '9') && !text.isEmpty()
              ? Instant.ofEpochMilli(Long.parseLong(text))
              : Instant.parse(text);
        } catch (NumberFormatException | DateTimeException e) {
          return (Instant)
              ctxt.handleWeirdStringValue(
                  Instant.class, text, "not epoch milliseconds or an ISO-8601 instant");
        }
      }
      return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }
  }
}
