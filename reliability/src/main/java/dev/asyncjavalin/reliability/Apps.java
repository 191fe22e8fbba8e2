package dev.asyncjavalin.reliability;

import dev.asyncjavalin.lab.UpstreamUrls;
import io.javalin.Javalin;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts the solved chapter apps in this JVM, each on a free loopback port, exactly as their own
 * tests do. What a chapter keeps package-private (chapter 08's factory, chapter 05's demo key, the
 * apps' call timeouts) is read by reflection, so the campaign follows the chapters when they change.
 */
final class Apps {

    private Apps() {
    }

    static Javalin started(Javalin app) {
        return app.start("127.0.0.1", 0);
    }

    static Javalin chapter01() {
        return started(dev.asyncjavalin.ch01.App.create());
    }

    static Javalin chapter03(UpstreamUrls urls) {
        return started(dev.asyncjavalin.ch03.App.create(urls));
    }

    static Javalin chapter04(UpstreamUrls urls) {
        return started(dev.asyncjavalin.ch04.App.create(urls));
    }

    /** Chapter 05 with a fresh in-memory database, alerts going to {@code webhook}. */
    static Javalin chapter05(UpstreamUrls urls, String webhook) {
        return started(dev.asyncjavalin.ch05.App.create(urls, dev.asyncjavalin.ch05.App.Options.defaults(webhook)));
    }

    /** Chapter 05 keeping its users and request log in {@code jdbcUrl}. */
    static Javalin chapter05(UpstreamUrls urls, String webhook, String jdbcUrl) {
        return started(dev.asyncjavalin.ch05.App.create(urls, dev.asyncjavalin.ch05.App.Options.defaults(webhook).withDatabase(jdbcUrl)));
    }

    /**
     * Chapter 08 with its job queue on (the {@code /queue/jobs} routes), on an in-memory H2 database and
     * with no workers: the campaign sends requests, and a job it enqueues needs no CPU to sit there.
     */
    static Javalin chapter08WithQueue() {
        try {
            Class<?> settings = Class.forName("dev.asyncjavalin.ch08.Settings");
            Class<?> queueSettings = Class.forName("dev.asyncjavalin.ch08.QueueSettings");
            Constructor<?> queue = queueSettings.getDeclaredConstructor(String.class, boolean.class, int.class, int.class);
            queue.setAccessible(true);
            Method defaults = settings.getDeclaredMethod("defaults");
            defaults.setAccessible(true);
            Method withQueue = settings.getDeclaredMethod("withQueue", queueSettings);
            withQueue.setAccessible(true);
            Object onH2 = queue.newInstance("jdbc:h2:mem:campaign-queue-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", false, 0, 0);
            Method create = dev.asyncjavalin.ch08.App.class.getDeclaredMethod("create", settings);
            create.setAccessible(true);
            return started((Javalin) create.invoke(null, withQueue.invoke(defaults.invoke(null), onH2)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("chapter 08's Settings, QueueSettings or App.create has changed: " + e, e);
        }
    }

    /** A static field of a chapter class, package-private or not. */
    static <T> T constant(String className, String field, Class<T> type) {
        try {
            Field found = Class.forName(className).getDeclaredField(field);
            found.setAccessible(true);
            return type.cast(found.get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + "." + field + " is gone: " + e, e);
        }
    }

    /** Chapter 05's demo key for alice: public on its home page, package-private in its code. */
    static String chapter05Key() {
        return constant("dev.asyncjavalin.ch05.Users", "ALICE_KEY", String.class);
    }

    static Duration callTimeout(String chapterApp) {
        return constant(chapterApp, "CALL_TIMEOUT", Duration.class);
    }

    /** Page URLs to fetch as the app's whole upstream; no fault set. */
    static UpstreamUrls only(List<String> pages) {
        return new UpstreamUrls(pages, Map.of(), pages.size() + " URL(s) chosen by the campaign");
    }
}
