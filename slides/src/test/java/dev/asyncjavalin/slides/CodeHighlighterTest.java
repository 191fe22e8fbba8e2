package dev.asyncjavalin.slides;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CodeHighlighterTest {

    @Test
    @DisplayName("Java: keywords, types, strings, comments, annotations and numbers each get their colour")
    void java() {
        String html = CodeHighlighter.toHtml("@Override\nreturn List.of(\"a\", 404); // done", "java");

        assertThat(html).isEqualTo("<span class=\"a\">@Override</span>\n"
                + "<span class=\"k\">return</span> <span class=\"t\">List</span>.of(<span class=\"s\">&quot;a&quot;</span>, "
                + "<span class=\"n\">404</span>); <span class=\"c\">// done</span>");
    }

    @Test
    @DisplayName("Java: a keyword inside a string or a comment stays part of it")
    void javaStringsAndCommentsWin() {
        assertThat(CodeHighlighter.toHtml("\"return // no\"", "java")).isEqualTo("<span class=\"s\">&quot;return // no&quot;</span>");
        assertThat(CodeHighlighter.toHtml("/* new \"x\" */", "java")).isEqualTo("<span class=\"c\">/* new &quot;x&quot; */</span>");
    }

    @Test
    @DisplayName("XML: tags, attributes and values inside tags; text between tags stays plain")
    void xml() {
        String html = CodeHighlighter.toHtml("<id a=\"1\">x=\"y\"</id><!-- note -->", "xml");

        assertThat(html).isEqualTo("<span class=\"t\">&lt;id</span> <span class=\"a\">a</span>=<span class=\"s\">&quot;1&quot;</span>&gt;"
                + "x=&quot;y&quot;<span class=\"t\">&lt;/id</span>&gt;<span class=\"c\">&lt;!-- note --&gt;</span>");
    }

    @Test
    @DisplayName("bash: the command, its options and a trailing comment")
    void bash() {
        String html = CodeHighlighter.toHtml("mvn -pl chapters/03 test -Pcheck   # the check", "bash");

        assertThat(html).isEqualTo("<span class=\"k\">mvn</span> <span class=\"n\">-pl</span> chapters/03 test "
                + "<span class=\"n\">-Pcheck</span>   <span class=\"c\"># the check</span>");
    }

    @Test
    @DisplayName("an unknown language is escaped, not coloured")
    void plainText() {
        assertThat(CodeHighlighter.toHtml("<b>404</b> & more", "text")).isEqualTo("&lt;b&gt;404&lt;/b&gt; &amp; more");
    }
}
