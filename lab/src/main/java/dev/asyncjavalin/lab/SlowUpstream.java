package dev.asyncjavalin.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * "The internet", on loopback: an embedded HTTP server with slow recipe pages and faults.
 *
 * <p>Every recipe page answers after its own latency, drawn once from a seeded random generator,
 * so the same seed gives the same numbers on every run. Delays are scheduled, never slept: one
 * thread can keep thousands of requests waiting, so the upstream is never the bottleneck of a
 * measurement.
 *
 * <pre>
 *   /recipes/{n}   recipe page n (1..pages) after its seeded latency
 *   /slow?ms=N     a page after exactly N ms
 *   /error         HTTP 500
 *   /reset         drops the connection without answering
 *   /hang          never answers; drops the connection after {@link Builder#hangLimit} (60 s) or at stop
 *   /held          waits until {@link #releaseHeld()} is called, then a page
 *   /huge?mb=N     an N MiB page (default 64)
 *   /script        a page whose title carries a &lt;script&gt; tag
 *   /redirect?to=U HTTP 302 to U: a path here, or a URL on a loopback host (never elsewhere)
 * </pre>
 *
 * <p>Barrier mode ({@link Builder#barrier}) holds every recipe request until K of them are in
 * flight at once, then answers them all. Code that calls one page after another never gets
 * there: after the barrier timeout the waiting requests get HTTP 504 and the barrier stays
 * broken, so a test of concurrency fails fast and clearly instead of hanging or timing.
 */
public final class SlowUpstream implements AutoCloseable {

    public static final long DEFAULT_SEED = 2021;
    public static final int DEFAULT_PAGES = 10;
    public static final Duration DEFAULT_MIN_LATENCY = Duration.ofMillis(200);
    public static final Duration DEFAULT_MAX_LATENCY = Duration.ofMillis(1500);
    public static final Duration DEFAULT_BARRIER_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@code /hang} holds a connection, answering nothing, before it drops it. */
    public static final Duration DEFAULT_HANG_LIMIT = Duration.ofSeconds(60);

    private static final String[] DISHES = {
        "Shakshuka", "Pad Thai", "Ratatouille", "Pierogi", "Jollof Rice", "Bibimbap", "Moussaka",
        "Pho", "Feijoada", "Goulash", "Tagine", "Okonomiyaki", "Risotto", "Borscht", "Dal Makhani",
        "Paella", "Ceviche", "Khachapuri", "Laksa", "Pastel de Nata",
    };

    /**
     * Longer than any delay a request can ask for ({@code /slow} allows 10 minutes): Jetty would
     * otherwise end a request that waits quietly for its answer as idle.
     */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(11);

    private final Builder settings;
    private final List<Duration> latencies;
    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService timer;
    /** Requests not yet answered: the in-flight count. */
    private final Set<Exchange> open = ConcurrentHashMap.newKeySet();
    /** Exchanges not yet closed, each holding a socket: a superset of {@link #open}. */
    private final Set<Exchange> unclosed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final Progress received = new Progress();
    private final Progress finished = new Progress();
    private final OpenConnections connections = new OpenConnections();
    /** Requests at /held, answered when a test says so. Guarded by itself. */
    private final List<Exchange> held = new ArrayList<>();
    private final Barrier barrier;
    private final Random varying;

    private SlowUpstream(Builder settings) throws IOException {
        this.settings = settings;
        this.varying = settings.varying ? new Random(settings.seed) : null;
        this.latencies = drawLatencies(settings);
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("slow-upstream-timer"));
        this.barrier = settings.barrierParties > 0 ? new Barrier(settings.barrierParties, settings.barrierTimeout) : null;
        // Jetty, as under the chapters' apps: a waiting request holds no thread, and a call the client
        // cancelled costs nothing once its answer fails to write. (The JDK's own HttpServer keeps
        // every such connection in its books for good on JDK 17: under load, hundreds of MB.)
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("slow-upstream");
        threads.setDaemon(true);
        this.server = new Server(threads);
        server.addBean(new ScheduledExecutorScheduler("slow-upstream-scheduler", true));
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(settings.port);
        connector.setAcceptQueueSize(1024);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.addEventListener(connections); // Jetty tells it of every connection it opens and closes
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                route(new Exchange(request, response, callback));
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) { // Jetty's start() may throw anything; a port in use is an IOException
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The course default: 10 pages, 0.2-1.5 s, seed 2021, on a free loopback port. */
    public static SlowUpstream start() {
        return builder().start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    /** The recipe page URLs, in page order. */
    public List<String> recipeUrls() {
        List<String> urls = new ArrayList<>();
        for (int page = 1; page <= settings.pages; page++) {
            urls.add(url("/recipes/" + page));
        }
        return urls;
    }

    /** One URL per fault mode, plus one on a port where nothing listens (connection refused). */
    public Map<String, String> faultUrls() {
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("HTTP 500", url("/error"));
        faults.put("connection dropped", url("/reset"));
        faults.put("never answers", url("/hang"));
        faults.put("64 MiB body", url("/huge?mb=64"));
        faults.put("script in title", url("/script"));
        faults.put("nothing listening", "http://127.0.0.1:" + closedPort() + "/");
        return faults;
    }

    public UpstreamUrls urls() {
        return new UpstreamUrls(recipeUrls(), faultUrls(), describe());
    }

    /** The seeded latency of recipe page {@code page} (1-based). */
    public Duration latencyOf(int page) {
        return latencies.get(page - 1);
    }

    public List<Duration> latencies() {
        return List.copyOf(latencies);
    }

    /** The most requests this upstream has held open at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Connections open on the upstream's side right now, idle ones included. */
    int openConnections() {
        return connections.count();
    }

    /** Waits until the upstream holds no connection at all; false when {@code timeout} passed first. */
    boolean awaitNoConnections(Duration timeout) throws InterruptedException {
        return connections.awaitNone(timeout);
    }

    /** Requests answered (or dropped on purpose) so far. */
    public int served() {
        return served.get();
    }

    /** Requests that have arrived so far. */
    public int received() {
        return received.count();
    }

    /** Requests whose exchange is closed: answered, failed to answer (the client had left) or dropped. */
    public int finished() {
        return finished.count();
    }

    /**
     * Waits until {@code count} requests have arrived, so a test can act on calls the upstream
     * is known to hold. False when {@code timeout} passed first.
     */
    public boolean awaitReceived(int count, Duration timeout) throws InterruptedException {
        return received.await(count, timeout);
    }

    /** Waits until {@code count} requests are {@linkplain #finished() finished}; false when {@code timeout} passed first. */
    public boolean awaitFinished(int count, Duration timeout) throws InterruptedException {
        return finished.await(count, timeout);
    }

    /**
     * Answers every request waiting at {@code /held} and returns how many there were. A test
     * that gives up on its calls first then knows that each answer goes to a client that has left,
     * however slow the machine is.
     */
    public int releaseHeld() {
        List<Exchange> release;
        synchronized (held) {
            release = List.copyOf(held);
            held.clear();
        }
        for (Exchange exchange : release) {
            respond(exchange, 200, "text/html", page("Held until released"));
        }
        return release.size();
    }

    public String describe() {
        String mode = barrier != null
                ? "barrier of " + settings.barrierParties + " (timeout " + settings.barrierTimeout.toMillis() + " ms)"
                : settings.pages + " pages, " + settings.minLatency.toMillis() + "-" + settings.maxLatency.toMillis()
                        + " ms" + (varying != null ? " drawn per request (1 in 10 three times as long)" : "") + ", seed " + settings.seed;
        return "SlowUpstream at " + baseUrl() + ": " + mode;
    }

    @Override
    public void close() {
        // exchanges not answered yet (/hang, a barrier, pages not yet due) are dropped. One whose answer is
        // being written only loses its socket: failing it now would wait for the write, which waits for a reader
        for (Exchange exchange : unclosed) {
            if (open.contains(exchange)) {
                drop(exchange);
            } else {
                exchange.closeConnection();
            }
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("SlowUpstream did not stop: " + e.getMessage(), e);
        }
        timer.shutdownNow();
    }

    // --- routing -------------------------------------------------------------------------------

    private void route(Exchange exchange) {
        unclosed.add(exchange);
        open.add(exchange);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        String path = Request.getPathInContext(exchange.request());
        try {
            if (path.equals("/")) {
                respond(exchange, 200, "text/plain", index());
            } else if (path.startsWith("/recipes/")) {
                recipe(exchange, path.substring("/recipes/".length()));
            } else if (path.equals("/slow")) {
                int ms = intParam(exchange.query(), "ms", 1000, 0, 600_000);
                later(Duration.ofMillis(ms), () -> respond(exchange, 200, "text/html", page("Slow page after " + ms + " ms")));
            } else if (path.equals("/error")) {
                respond(exchange, 500, "text/plain", "simulated upstream failure");
            } else if (path.equals("/reset")) {
                drop(exchange);
            } else if (path.equals("/hang")) {
                // no answer, and no thread: the exchange just stays open. Jetty does not say when the client
                // leaves, so without a limit every cancelled call would hold a socket here until stop
                later(settings.hangLimit, () -> drop(exchange));
            } else if (path.equals("/held")) {
                synchronized (held) {
                    held.add(exchange);
                }
            } else if (path.equals("/huge")) {
                hugeBody(exchange, intParam(exchange.query(), "mb", 64, 1, 1024));
            } else if (path.equals("/redirect")) {
                String target = loopbackTarget(textParam(exchange.query(), "to"));
                exchange.response().getHeaders().put(HttpHeader.LOCATION, target);
                respond(exchange, 302, "text/plain", "moved to " + target);
            } else if (path.equals("/script")) {
                respond(exchange, 200, "text/html", page("<script>alert('upstream')</script>Totally Safe Soup"));
            } else {
                respond(exchange, 404, "text/plain", "no such page: " + path + "\n\n" + index());
            }
        } catch (IllegalArgumentException badParam) {
            respond(exchange, 400, "text/plain", badParam.getMessage());
        } finally {
            // counted once taken in hand (answered, scheduled or held), so releaseHeld() sees it
            received.increment();
        }
    }

    private void recipe(Exchange exchange, String pageText) {
        int page;
        try {
            page = Integer.parseInt(pageText);
        } catch (NumberFormatException e) {
            page = -1;
        }
        if (page < 1 || page > settings.pages) {
            respond(exchange, 404, "text/plain", "recipe pages are 1.." + settings.pages);
            return;
        }
        String html = page("Recipe " + page + ": " + DISHES[(page - 1) % DISHES.length]);
        if (barrier != null) {
            barrier.arrive(exchange, html);
        } else {
            later(varying != null ? nextVaryingLatency() : latencyOf(page), () -> respond(exchange, 200, "text/html", html));
        }
    }

    /**
     * A live site's latency changes from call to call, and now and then a call is much slower:
     * here one in ten takes three times as long. Seeded, so a run can be repeated.
     */
    Duration nextVaryingLatency() {
        synchronized (varying) {
            long min = settings.minLatency.toMillis();
            long latency = min + Math.round(varying.nextDouble() * (settings.maxLatency.toMillis() - min));
            return Duration.ofMillis(varying.nextInt(10) == 0 ? 3 * latency : latency);
        }
    }

    private void hugeBody(Exchange exchange, int mebibytes) {
        byte[] chunk = "<p>filler</p>\n".repeat(4096).getBytes(StandardCharsets.UTF_8);
        long total = (long) mebibytes * 1024 * 1024;
        leave(exchange);
        exchange.response().getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
        // no length: chunked, so the client learns the size only by reading. Written on Jetty's thread,
        // which may block here: the handler is not declared non-blocking.
        try (OutputStream body = Content.Sink.asOutputStream(exchange.response())) {
            body.write(page("A very long page").getBytes(StandardCharsets.UTF_8));
            for (long sent = 0; sent < total; sent += chunk.length) {
                body.write(chunk);
            }
        } catch (IOException clientGaveUp) {
            // expected: a careful client stops reading long before the end
            finish(exchange, clientGaveUp);
            return;
        }
        finish(exchange, null);
    }

    // --- responses -----------------------------------------------------------------------------

    private void later(Duration delay, Runnable answer) {
        // the timer thread writes the answer itself: the write does not block, it completes later
        timer.schedule(answer, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void respond(Exchange exchange, int status, String contentType, String body) {
        leave(exchange);
        Response response = exchange.response();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
        // one last write: Jetty sets the Content-Length; a client that has left makes it fail
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)),
                Callback.from(() -> finish(exchange, null), failure -> finish(exchange, failure)));
    }

    /**
     * The request stops counting as in flight just before its answer goes out: a client may send
     * its next request the moment it has read this answer, and must not find this one still counted.
     */
    private void leave(Exchange exchange) {
        if (open.remove(exchange)) {
            inFlight.decrementAndGet();
            served.incrementAndGet();
        }
    }

    /** Ends the exchange once its answer is written, or has failed to write because the client left. */
    private void finish(Exchange exchange, Throwable failure) {
        leave(exchange);
        if (unclosed.remove(exchange)) {
            if (failure == null) {
                exchange.callback().succeeded();
            } else {
                exchange.callback().failed(failure);
            }
            finished.increment();
        }
    }

    /** Ends the exchange without an answer: the client sees its connection close. */
    private void drop(Exchange exchange) {
        leave(exchange);
        if (unclosed.remove(exchange)) {
            exchange.closeConnection();
            exchange.callback().failed(new EofException("dropped without an answer, on purpose"));
            finished.increment();
        }
    }

    private static String page(String title) {
        return "<!doctype html><html><head><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>Served by the course's SlowUpstream.</p></body></html>";
    }

    private String index() {
        StringBuilder text = new StringBuilder(describe()).append("\n\n");
        for (int page = 1; page <= settings.pages; page++) {
            text.append(String.format("  /recipes/%-3d %5d ms%n", page, latencyOf(page).toMillis()));
        }
        text.append("""

                  /slow?ms=N    answers after N ms
                  /error        HTTP 500
                  /reset        drops the connection without answering
                  /hang         never answers
                  /held         waits until the code running the upstream releases it
                  /huge?mb=N    an N MiB page (default 64)
                  /script       a title with a <script> tag in it
                  /redirect?to=U  HTTP 302 to U (a path, or a URL on a loopback host)
                """);
        return text.toString();
    }

    /**
     * {@code to} of /redirect, when it stays on this machine: a path on this upstream, or an
     * http(s) URL whose host is a loopback address. Anything else would make the course's upstream
     * an open redirect to the internet.
     */
    private static String loopbackTarget(String to) {
        URI uri;
        try {
            uri = new URI(to); // also refuses line breaks, which would split the Location header
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("to must be a path or an http URL, got '" + to + "'");
        }
        if (uri.getScheme() == null && uri.getRawAuthority() == null && to.startsWith("/")) {
            return to;
        }
        String host = uri.getHost();
        boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!web || host == null || !isLoopback(host)) {
            throw new IllegalArgumentException("to must be a path or an http URL on a loopback host"
                    + " (localhost, 127.x.x.x, [::1]), got '" + to + "'");
        }
        return to;
    }

    /** By its spelling only: resolving a name here would let DNS decide what counts as loopback. */
    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.equals("[::1]")
                || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    }

    private static String textParam(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    try {
                        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException badEscape) {
                        throw new IllegalArgumentException(name + " is not a valid query value: " + badEscape.getMessage());
                    }
                }
            }
        }
        throw new IllegalArgumentException("query parameter '" + name + "' is required");
    }

    private static int intParam(String query, String name, int fallback, int min, int max) {
        if (query == null) {
            return fallback;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                String value = pair.substring(name.length() + 1);
                try {
                    int number = Integer.parseInt(value);
                    if (number >= min && number <= max) {
                        return number;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
            }
        }
        return fallback;
    }

    private static List<Duration> drawLatencies(Builder settings) {
        Random random = new Random(settings.seed);
        long min = settings.minLatency.toMillis();
        long spread = settings.maxLatency.toMillis() - min;
        List<Duration> drawn = new ArrayList<>();
        for (int page = 1; page <= settings.pages; page++) {
            drawn.add(Duration.ofMillis(min + Math.round(random.nextDouble() * spread)));
        }
        return List.copyOf(drawn);
    }

    private static int closedPort() {
        // bind, read the port, release it: for a while nothing listens there
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request in hand: what Jetty gave the handler, kept until the answer is written or dropped. */
    private record Exchange(Request request, Response response, Callback callback) {

        String query() {
            return request.getHttpURI().getQuery();
        }

        void closeConnection() {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
        }
    }

    /** The connections Jetty holds open for this upstream, counted as it opens and closes them. */
    private static final class OpenConnections implements Connection.Listener {
        private int open;

        @Override
        public synchronized void onOpened(Connection connection) {
            open++;
        }

        @Override
        public synchronized void onClosed(Connection connection) {
            open--;
            notifyAll();
        }

        synchronized int count() {
            return open;
        }

        synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (open > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** A count that tests can wait on without polling. */
    private static final class Progress {
        private int count;

        synchronized void increment() {
            count++;
            notifyAll();
        }

        synchronized int count() {
            return count;
        }

        synchronized boolean await(int target, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** Holds requests until {@code parties} are waiting together, then answers them all. */
    private final class Barrier {
        private final int parties;
        private final Duration timeout;
        private final List<Exchange> waiting = new ArrayList<>();
        private final List<String> bodies = new ArrayList<>();
        private int generation;
        private boolean broken;

        Barrier(int parties, Duration timeout) {
            this.parties = parties;
            this.timeout = timeout;
        }

        void arrive(Exchange exchange, String body) {
            List<Exchange> release = List.of();
            List<String> releaseBodies = List.of();
            synchronized (this) {
                if (broken) {
                    respond(exchange, 504, "text/plain", brokenMessage(0));
                    return;
                }
                waiting.add(exchange);
                bodies.add(body);
                if (waiting.size() == 1) {
                    int myGeneration = generation;
                    timer.schedule(() -> expire(myGeneration), timeout.toNanos(), TimeUnit.NANOSECONDS);
                }
                if (waiting.size() == parties) {
                    release = List.copyOf(waiting);
                    releaseBodies = List.copyOf(bodies);
                    waiting.clear();
                    bodies.clear();
                    generation++;
                }
            }
            for (int i = 0; i < release.size(); i++) {
                Exchange released = release.get(i);
                String releasedBody = releaseBodies.get(i);
                respond(released, 200, "text/html", releasedBody);
            }
        }

        private void expire(int expiredGeneration) {
            List<Exchange> stuck;
            synchronized (this) {
                if (generation != expiredGeneration || waiting.isEmpty()) {
                    return;
                }
                broken = true;
                stuck = List.copyOf(waiting);
                waiting.clear();
                bodies.clear();
            }
            String message = brokenMessage(stuck.size());
            for (Exchange exchange : stuck) {
                respond(exchange, 504, "text/plain", message);
            }
        }

        private String brokenMessage(int arrived) {
            return "barrier broken: waited " + timeout.toMillis() + " ms for " + parties
                    + " requests in flight at once" + (arrived > 0 ? ", but only " + arrived + " arrived" : "")
                    + " (the calls did not run concurrently)";
        }
    }

    /** Settings; {@link #start()} starts the server. */
    public static final class Builder {
        private int port = 0;
        private int pages = DEFAULT_PAGES;
        private long seed = DEFAULT_SEED;
        private Duration minLatency = DEFAULT_MIN_LATENCY;
        private Duration maxLatency = DEFAULT_MAX_LATENCY;
        private int barrierParties = 0;
        private Duration barrierTimeout = DEFAULT_BARRIER_TIMEOUT;
        private boolean varying = false;
        private Duration hangLimit = DEFAULT_HANG_LIMIT;

        private Builder() {
        }

        /**
         * Every request draws a new latency from the range (seeded), one in ten of them three times
         * as long, instead of each page keeping its own: what repeated calls to live sites see.
         */
        public Builder varyingLatency() {
            this.varying = true;
            return this;
        }

        /**
         * How long {@code /hang} holds a connection before dropping it without an answer: far beyond
         * any timeout in the course, so it still "never answers", yet a long run of cancelled calls
         * does not pile up sockets.
         */
        public Builder hangLimit(Duration limit) {
            this.hangLimit = limit;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder pages(int pages) {
            if (pages < 1 || pages > 1000) {
                throw new IllegalArgumentException("pages must be 1..1000, got " + pages);
            }
            this.pages = pages;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder latency(Duration min, Duration max) {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("latency needs 0 <= min <= max, got " + min + ".." + max);
            }
            this.minLatency = min;
            this.maxLatency = max;
            return this;
        }

        /** Every recipe page answers after exactly {@code latency}. */
        public Builder fixedLatency(Duration latency) {
            return latency(latency, latency);
        }

        /** Answer recipe pages only once {@code parties} requests are in flight together. */
        public Builder barrier(int parties) {
            return barrier(parties, DEFAULT_BARRIER_TIMEOUT);
        }

        public Builder barrier(int parties, Duration timeout) {
            if (parties < 1) {
                throw new IllegalArgumentException("a barrier needs at least 1 party, got " + parties);
            }
            this.barrierParties = parties;
            this.barrierTimeout = timeout;
            return this;
        }

        public SlowUpstream start() {
            try {
                return new SlowUpstream(this);
            } catch (IOException e) {
                throw new UncheckedIOException("SlowUpstream could not listen on port " + port + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs the upstream on its own: {@code mvn -pl lab exec:java [-Dexec.args="--port 8080 --pages 10 --seed 2021"]}. */
    public static void main(String[] args) throws InterruptedException {
        SlowUpstream upstream;
        try {
            CommandLine line = CommandLine.parse(args);
            upstream = builder()
                    .port(line.intOption("port", 8080, 0, 65535))
                    .pages(line.intOption("pages", DEFAULT_PAGES, 1, 1000))
                    .seed(line.intOption("seed", (int) DEFAULT_SEED, Integer.MIN_VALUE, Integer.MAX_VALUE))
                    .start();
        } catch (CommandLine.UsageException e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(2);
            return;
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage() + ". Try another one: -Dexec.args=\"--port 8081\"");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(upstream::close));
        System.out.println(upstream.index().replace(upstream.describe(), upstream.describe() + "  (Ctrl+C stops it)"));
        Thread.currentThread().join();
    }
}
