package dev.asyncjavalin.slides;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens a rendered deck in headless Chromium, straight from disk ({@code file://}, no server, no
 * network), steps through it with the keyboard as a presenter would, takes a screenshot of every
 * slide that has a problem (or of every slide, when asked), and lists what is wrong: a slide whose content does not fit the 16:9 frame, an include
 * or image that was not resolved, a JavaScript error, keys that do not move.
 *
 * <p>It drives Debian's {@code chromium} and {@code chromium-driver} packages, found at
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (or {@code $CHROME_BIN} and
 * {@code $CHROMEDRIVER}); Selenium is never asked to download a browser or a driver.
 */
final class BrowserCheck implements AutoCloseable {

    static final Path CHROMIUM = Path.of(Optional.ofNullable(System.getenv("CHROME_BIN")).orElse("/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(Optional.ofNullable(System.getenv("CHROMEDRIVER")).orElse("/usr/bin/chromedriver"));

    /** Installed before any script of the page runs, so that even an error at load time is kept. */
    private static final String ERROR_COLLECTOR = """
            window.__deckErrors = [];
            window.addEventListener('error', function (event) {
              var target = event.target;
              if (target && target !== window && (target.src || target.href)) {
                window.__deckErrors.push('could not load <' + target.tagName.toLowerCase() + '> ' + (target.src || target.href));
              } else {
                window.__deckErrors.push(event.message + ' (' + event.filename + ':' + event.lineno + ')');
              }
            }, true);
            window.addEventListener('unhandledrejection', function (event) {
              window.__deckErrors.push('unhandled rejection: ' + event.reason);
            });
            var consoleError = console.error;
            console.error = function () {
              window.__deckErrors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
              consoleError.apply(console, arguments);
            };
            """;

    /** Measures the slide on screen by itself, without trusting the deck's own script. */
    private static final String PROBLEMS_ON_CURRENT_SLIDE = """
            var slide = document.querySelector('.slide.current');
            if (!slide) return ['no slide is shown'];
            var content = slide.querySelector('.content');
            var problems = [];
            function overflows(e) { return e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1; }
            if (overflows(content)) {
              problems.push('content overflows the 16:9 frame: it needs ' + content.scrollWidth + 'x' + content.scrollHeight
                  + ' px, the slide has ' + content.clientWidth + 'x' + content.clientHeight);
            }
            content.querySelectorAll('pre').forEach(function (pre) {
              if (overflows(pre)) problems.push('a code block is cut off: lines need ' + pre.scrollWidth + ' px, the block is ' + pre.clientWidth);
            });
            content.querySelectorAll('.unresolved-include').forEach(function (box) { problems.push(box.textContent); });
            var comments = document.createTreeWalker(content, NodeFilter.SHOW_COMMENT);
            while (comments.nextNode()) {
              if (/include/.test(comments.currentNode.data)) problems.push('include marker left in the page: <!--' + comments.currentNode.data + '-->');
            }
            var frame = document.querySelector('.deck').getBoundingClientRect();
            if (frame.width > window.innerWidth + 1 || frame.height > window.innerHeight + 1
                || Math.abs(frame.width / frame.height - 16 / 9) > 0.01) {
              problems.push('the frame is ' + frame.width + 'x' + frame.height + ' in a ' + window.innerWidth + 'x' + window.innerHeight + ' window');
            }
            return problems;
            """;

    /**
     * Selenium warns that it has no DevTools classes for this Chromium version; the check uses
     * only chromedriver's own commands, so the warning is noise. Held here so it is not collected.
     */
    private static final Logger SELENIUM_DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        SELENIUM_DEVTOOLS.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;

    private BrowserCheck(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Empty when Chromium and its driver are installed, else why the browser checks cannot run. */
    static Optional<String> whyUnavailable() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("headless Chromium not found (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install Debian's chromium and chromium-driver packages to run the browser checks");
        }
        return Optional.empty();
    }

    /** A fresh browser showing pages at 1280x720 (one slide pixel per screen pixel); {@code profile} is a new, empty directory. */
    static BrowserCheck start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root in a container Chromium needs --no-sandbox; the rest keeps it from calling home
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--window-size=1280,720", "--user-data-dir=" + profile.toAbsolutePath(),
                // the network is off for the page: every name fails to resolve and every request goes to a
                // proxy where nothing listens, so a deck that needs anything from outside its file shows an error
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // the window's own frame takes some of --window-size: grow it until the page itself is 1280x720
        List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight];");
        Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(
                window.getWidth() + 1280 - ((Number) inner.get(0)).intValue(), window.getHeight() + 720 - ((Number) inner.get(1)).intValue()));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_COLLECTOR));
        return new BrowserCheck(driver);
    }

    /** What was found in one deck: how many slides, the screenshots taken, and every problem. */
    record Report(String page, int slides, List<Path> screenshots, List<String> problems) {
    }

    /**
     * Opens {@code page} from disk and goes through it slide by slide with the → key, saving in
     * {@code screenshots} a picture of each slide with a problem, or of each slide when {@code everySlide}
     * (a PNG per slide is most of the check's time: about 20 s for the course's decks on 2 cores).
     */
    Report check(Path page, Path screenshots, boolean everySlide) throws IOException {
        Files.createDirectories(screenshots);
        String name = page.getFileName().toString();
        String deckName = name.replaceFirst("\\.html$", "");
        driver.get(page.toUri().toString());
        int slides = driver.findElements(By.cssSelector(".slide")).size();
        List<String> problems = new ArrayList<>();
        List<Path> shots = new ArrayList<>();
        if (slides == 0) {
            problems.add(name + ": no slides");
        }
        for (int number = 1; number <= slides; number++) {
            if (number > 1) {
                press(Keys.ARROW_RIGHT);
            }
            if (currentSlide() != number) {
                problems.add(name + ": → should show slide " + number + ", but slide " + currentSlide() + " is shown");
            }
            List<?> onThisSlide = (List<?>) driver.executeScript(PROBLEMS_ON_CURRENT_SLIDE);
            for (Object problem : onThisSlide) {
                problems.add(name + " slide " + number + ": " + problem);
            }
            if (onThisSlide.isEmpty() && !everySlide) {
                continue;
            }
            Path shot = screenshots.resolve(String.format("%s-%02d.png", deckName, number));
            Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
            shots.add(shot);
        }
        press(Keys.HOME);
        if (slides > 0 && currentSlide() != 1) {
            problems.add(name + ": Home should show slide 1, but slide " + currentSlide() + " is shown");
        }
        press(Keys.END);
        if (slides > 0 && currentSlide() != slides) {
            problems.add(name + ": End should show slide " + slides + ", but slide " + currentSlide() + " is shown");
        }
        for (Object error : (List<?>) driver.executeScript("return window.__deckErrors || ['the error collector did not run'];")) {
            problems.add(name + ": JavaScript error: " + error);
        }
        return new Report(name, slides, shots, problems);
    }

    /** The number of pages Chromium prints {@code page} on, with the page size the deck's CSS asks for. */
    int printedPages(Path page) {
        driver.get(page.toUri().toString());
        Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        String text = new String(Base64.getDecoder().decode((String) pdf.get("data")), StandardCharsets.ISO_8859_1);
        Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
        int count = 0;
        while (pages.find()) {
            count++;
        }
        return count;
    }

    private void press(CharSequence key) {
        driver.findElement(By.tagName("body")).sendKeys(key);
    }

    /** The number in the address (#3), after checking that it is the slide actually shown. */
    private int currentSlide() {
        String shown = (String) driver.executeScript("var s = document.querySelector('.slide.current'); return s ? s.id : '0';");
        String hash = (String) driver.executeScript("return window.location.hash;");
        return hash.equals("#" + shown) ? Integer.parseInt(shown) : -1;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
