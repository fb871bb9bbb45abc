package dev.clerkfx.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what clerk-fx's stores log through {@code System.Logger} (routed to java.util.logging by
 * the JDK), at every level, for the duration of a test.
 */
public final class LogCapture implements AutoCloseable {
  private static final SimpleFormatter FORMATTER = new SimpleFormatter();

  private final Logger logger; // strong reference: JUL keeps loggers weakly
  private final Level previousLevel;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogCapture(String name) {
    logger = Logger.getLogger(name);
    previousLevel = logger.getLevel();
    handler.setLevel(Level.ALL);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** Starts capturing the {@code dev.clerkfx.store} logger. */
  public static LogCapture start() {
    return new LogCapture("dev.clerkfx.store");
  }

  /** Returns every formatted message at {@code level} or above. */
  public List<String> messages(Level level) {
    List<String> out = new ArrayList<>();
    for (LogRecord record : records) {
      if (record.getLevel().intValue() >= level.intValue()) {
        out.add(FORMATTER.formatMessage(record));
      }
    }
    return out;
  }

  /** Returns every formatted warning. */
  public List<String> warnings() {
    return messages(Level.WARNING);
  }

  /**
   * Returns all captured text: messages, raw formats, parameters and thrown exceptions with their
   * causes.
   */
  public String allText() {
    StringBuilder out = new StringBuilder();
    for (LogRecord record : records) {
      out.append(FORMATTER.formatMessage(record))
          .append('\n')
          .append(record.getMessage())
          .append('\n');
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          out.append(parameter).append('\n');
        }
      }
      for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
        out.append(t).append('\n');
      }
    }
    return out.toString();
  }

  /** Returns how many records were captured. */
  public int size() {
    return records.size();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
  }
}
