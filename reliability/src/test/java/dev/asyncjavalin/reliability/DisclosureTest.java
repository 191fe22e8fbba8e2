package dev.asyncjavalin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    @Test
    @DisplayName("a stack frame is found, with or without a file and line")
    void stackFrames() {
        assertThat(Disclosure.internals("oops\n\tat org.eclipse.jetty.server.Server.handle(Server.java:181)\n")).hasValue(
                "at org.eclipse.jetty.server.Server.handle(Server.java:181)");
        assertThat(Disclosure.internals("at dev.asyncjavalin.ch05.App.lambda$create$0(Unknown Source)")).isPresent();
    }

    @Test
    @DisplayName("exception and error class names are found, qualified or not")
    void throwableNames() {
        assertThat(Disclosure.internals("500 org.eclipse.jetty.io.EofException")).hasValue("org.eclipse.jetty.io.EofException");
        assertThat(Disclosure.internals("failed: SocketTimeoutException: timeout")).hasValue("SocketTimeoutException");
        assertThat(Disclosure.internals("java.lang.OutOfMemoryError")).hasValue("java.lang.OutOfMemoryError");
    }

    @Test
    @DisplayName("ordinary words are not findings: 'error', 'Exception handler', 'Server Error'")
    void ordinaryWords() {
        assertThat(Disclosure.internals("Something broke on our side. An error page; the Exception handler; Internal Server Error")).isEmpty();
        assertThat(Disclosure.internals("<td class=\"status\">timeout</td><td>no answer within 1000 ms</td>")).isEmpty();
    }

    @Test
    @DisplayName("a script tag is found in any letter case; its escaped form is not")
    void scriptTags() {
        assertThat(Disclosure.hasScriptTag("<title><SCRIPT>alert(1)</SCRIPT></title>")).isTrue();
        assertThat(Disclosure.hasScriptTag("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>")).isFalse();
    }
}
