package dev.clerkfx.internal.urlscheme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Records the commands a registration runs; tools are "installed" under /usr/bin. */
final class FakeRunner implements CommandRunner {
  final List<List<String>> commands = new ArrayList<>();
  private final Set<String> installed;
  private final Map<String, Function<List<String>, Ran>> answers = new HashMap<>();

  FakeRunner(String... installed) {
    this.installed = Set.of(installed);
  }

  /** Answers commands whose second word (the verb) or program name is {@code key}. */
  FakeRunner answer(String key, int exitCode, String output) {
    answers.put(key, command -> new Ran(exitCode, output));
    return this;
  }

  @Override
  public Optional<Path> find(String tool) {
    return installed.contains(tool) ? Optional.of(Path.of("/usr/bin", tool)) : Optional.empty();
  }

  @Override
  public Ran run(List<String> command) {
    commands.add(List.copyOf(command));
    String program = Path.of(command.get(0).replace('\\', '/')).getFileName().toString();
    Function<List<String>, Ran> verb =
        command.size() > 1 ? answers.get(program + " " + command.get(1)) : null;
    Function<List<String>, Ran> answer = verb != null ? verb : answers.get(program);
    return answer == null ? new Ran(0, "") : answer.apply(command);
  }
}
