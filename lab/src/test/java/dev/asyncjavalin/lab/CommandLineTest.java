package dev.asyncjavalin.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    @DisplayName("--port 7071 and --port=7071 both work; absent options fall back")
    void parsesBothForms() {
        assertThat(CommandLine.parse(new String[] {"--port", "7071"}).intOption("port", 7070, 0, 65535)).isEqualTo(7071);
        assertThat(CommandLine.parse(new String[] {"--port=7072"}).intOption("port", 7070, 0, 65535)).isEqualTo(7072);
        assertThat(CommandLine.parse(new String[0]).intOption("port", 7070, 0, 65535)).isEqualTo(7070);
    }

    @Test
    @DisplayName("bad values and stray arguments are explained, not stack-traced")
    void explainsMistakes() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "http"}).intOption("port", 7070, 0, 65535))
                .isInstanceOf(CommandLine.UsageException.class).hasMessage("--port must be a whole number from 0 to 65535, got 'http'");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"7071"}))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("options look like --port 7070");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port"}))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("needs a value");
    }

    @Test
    @DisplayName("a list option takes some of the allowed names, in the order given, all of them when absent")
    void listOption() {
        List<String> parts = List.of("table", "load", "sweep");
        assertThat(CommandLine.parse(new String[] {"--parts", "sweep,table"}).listOption("parts", parts)).containsExactly("sweep", "table");
        assertThat(CommandLine.parse(new String[0]).listOption("parts", parts)).isEqualTo(parts);
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--parts", "table,chart"}).listOption("parts", parts))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--parts lists table, load and/or sweep, separated by commas, got 'table,chart'");
    }
}
