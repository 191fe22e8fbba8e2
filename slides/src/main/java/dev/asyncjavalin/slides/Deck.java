package dev.asyncjavalin.slides;

import java.util.List;

/**
 * One chapter's slides, ready for the page template.
 *
 * @param name   the deck's file name without {@code .md}, e.g. {@code 03}; the page is {@code 03.html}
 * @param title  the text of the first slide's {@code # heading}
 * @param slides in order; each one's HTML is trusted, since it comes from our own Markdown
 */
public record Deck(String name, String title, List<Slide> slides) {

    /** One slide: its number (from 1) and its HTML. */
    public record Slide(int number, String html) {
    }

    public String fileName() {
        return name + ".html";
    }
}
