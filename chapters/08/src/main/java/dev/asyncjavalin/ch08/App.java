package dev.asyncjavalin.ch08;

import dev.asyncjavalin.lab.ExerciseNotSolved;
import dev.asyncjavalin.lab.Lab;
import dev.asyncjavalin.lab.Launcher;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.validation.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Chapter 08: where async stops helping. CPU-bound work gains nothing from {@code ctx.future}, a
 * bounded pool says "busy, come back later" instead of queueing without end, and long work becomes
 * a background job that the client polls.
 */
public final class App {

    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/", "this page, with buttons that start background jobs");
        ROUTES.put("/hash_sync", "stretch a key on the request thread (tens of ms of one core; exec:java@benchmark measures it)");
        ROUTES.put("/hash_async", "the same work on the CPU pool via ctx.future: no faster");
        ROUTES.put("/cpu_pool", "the CPU pool's threads, queue and refusals right now");
        ROUTES.put("/jobs/1", "the first background job's status (start one from the home page)");
    }

    static final String DEFAULT_INPUT = "correct horse battery staple";
    static final int MAX_INPUT_LENGTH = 200;
    static final int DEFAULT_JOB_STEPS = 20;
    static final int MAX_JOB_STEPS = 500;
    /** A job id on the queue: a UUID written out in full, as JobRunr gives it. */
    private static final Pattern QUEUED_JOB_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** What a handler that answers 404 wants the 404 page to say. */
    private static final String NOT_FOUND_MESSAGE = "notFoundMessage";

    private final CpuWork work;
    private final CpuPool cpuPool;
    private final RefusalPacer refusalPacer;
    private final Jobs jobs;
    private final JobQueue queue; // null when the settings have no job queue

    private App(CpuWork work, CpuPool cpuPool, RefusalPacer refusalPacer, Jobs jobs, JobQueue queue) {
        this.work = work;
        this.cpuPool = cpuPool;
        this.refusalPacer = refusalPacer;
        this.jobs = jobs;
        this.queue = queue;
    }

    // tag::create[]
    static Javalin create(Settings settings) {
        CpuPool cpuPool = new CpuPool(settings.cpuThreads(), settings.cpuQueueCapacity());
        RefusalPacer refusalPacer = new RefusalPacer();
        Jobs jobs = new Jobs(settings.work(), settings.onJobFinished());
        JobQueue queue = settings.queue().map(database -> new JobQueue(database, settings.work())).orElse(null);
        App app = new App(settings.work(), cpuPool, refusalPacer, jobs, queue);
        return Javalin.create(config -> {
            Lab.configure(config, "dev.asyncjavalin.ch08.templates");
            config.routes.get("/", app::home);
            config.routes.get("/hash_sync", app::hashSync);
            config.routes.get("/hash_async", app::hashAsync);
            config.routes.get("/cpu_pool", app::cpuPoolUsage);
            config.routes.post("/jobs", app::startJob);
            config.routes.get("/jobs/{id}", app::jobStatus);
            if (queue != null) { // the same jobs on JobRunr, kept in a database
                config.routes.post("/queue/jobs", app::enqueueJob);
                config.routes.get("/queue/jobs/{id}", app::queuedJob);
            }
            config.routes.exception(ValidationException.class, Lab::badQueryParameter);
            // a full CPU pool or job queue: a failed future reaches this handler unwrapped
            config.routes.exception(ServerBusy.class, App::serverBusy);
            config.routes.error(404, App::notFound);
            config.events.serverStopped(() -> {
                jobs.close();    // the running job stops after its step; queued jobs are dropped
                if (queue != null) {
                    queue.close(); // nothing dropped: the database keeps every job for the next start
                }
                cpuPool.close(); // queued hashes finish first: their clients are still waiting
                refusalPacer.close();
            });
        });
    }
    // end::create[]

    // tag::hashSync[]
    private void hashSync(Context ctx) {
        String input = inputFrom(ctx);
        long started = System.nanoTime();
        String hash = work.hash(input); // the request thread computes: busy, not waiting
        ctx.result(answer(hash, started, threadName(), threadName()));
    }
    // end::hashSync[]

    // tag::hashAsync[]
    private void hashAsync(Context ctx) {
        String input = inputFrom(ctx);
        String requestThread = threadName();
        long started = System.nanoTime();
        // the request thread goes back to Jetty at once, and a CPU thread does the same work on the same cores
        // a full pool refuses at once; a client that asked again without waiting as told hears it later
        ctx.future(() -> refusalPacer.pace(ctx, cpuPool.submit(() -> new Hashed(work.hash(input), threadName())))
                .thenAccept(hashed -> ctx.result(answer(hashed.hash(), started, requestThread, hashed.thread()))));
    }
    // end::hashAsync[]

    /** A hash and the thread that computed it. */
    private record Hashed(String hash, String thread) {
    }

    // tag::serverBusy[]
    private static void serverBusy(ServerBusy busy, Context ctx) {
        // EXERCISE 8.1: answer 503 with a Retry-After header (whole seconds, from busy.retryAfter()) and a message that says to retry
        ctx.status(501).result(new ExerciseNotSolved("8.1", "a full pool must answer 503 with a Retry-After header").getMessage());
        // END EXERCISE 8.1
    }
    // end::serverBusy[]

    private void cpuPoolUsage(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result(cpuPool.usage().toText()
                + refusalPacer.paced() + " refusals held back for clients that asked again without waiting\n");
    }

    // tag::startJob[]
    private void startJob(Context ctx) {
        int steps = Lab.wholeNumber(ctx, "steps", DEFAULT_JOB_STEPS, 1, MAX_JOB_STEPS);
        int failAt = Lab.wholeNumber(ctx, "fail_at", 0, 0, steps); // the step that throws; 0: none
        JobStatus job = jobs.submit(steps, failAt); // returns at once; a full job queue throws ServerBusy
        ctx.status(202).header("Location", job.location()).render("job.jte", Map.of("job", job, "accepted", true));
    }
    // end::startJob[]

    // tag::jobStatus[]
    private void jobStatus(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<JobStatus> job = jobId(id).flatMap(jobs::find);
        if (job.isEmpty()) {
            ctx.attribute(NOT_FOUND_MESSAGE, "There is no job " + id + ". Job ids come from POST /jobs, and this app forgets them when it stops.");
            ctx.status(404); // the 404 page below shows the message
            return;
        }
        ctx.render("job.jte", Map.of("job", job.get(), "accepted", false));
    }
    // end::jobStatus[]

    // tag::enqueueJob[]
    private void enqueueJob(Context ctx) {
        int steps = Lab.wholeNumber(ctx, "steps", DEFAULT_JOB_STEPS, 1, MAX_JOB_STEPS);
        int failAt = Lab.wholeNumber(ctx, "fail_at", 0, 0, steps);
        UUID id = queue.enqueue(steps, failAt); // one row in the database; this or another instance runs it
        String location = "/queue/jobs/" + id;
        ctx.status(202).header("Location", location).contentType("application/json")
                .result("{\"id\":\"" + id + "\",\"location\":\"" + location + "\"}"); // a UUID needs no escaping
    }

    private void queuedJob(Context ctx) {
        String id = ctx.pathParam("id");
        if (!QUEUED_JOB_ID.matcher(id).matches()) {
            throw new BadRequestResponse("A job id on the queue is a UUID such as 3b241101-e2bb-4255-8caf-4136c566a962, got '" + id + "'");
        }
        var job = queue.find(UUID.fromString(id));
        if (job.isEmpty()) {
            ctx.attribute(NOT_FOUND_MESSAGE, "There is no job " + id + " in the queue's database. Job ids come from POST /queue/jobs.");
            ctx.status(404);
            return;
        }
        ctx.contentType("application/json").result(QueuedJobJson.of(job.get()));
    }
    // end::enqueueJob[]

    private static Optional<Long> jobId(String text) {
        try {
            return Optional.of((long) Lab.wholeNumber(text)); // ASCII digits only: not "+1", not a fullwidth "１"
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String inputFrom(Context ctx) {
        String input = Optional.ofNullable(ctx.queryParam("input")).orElse(DEFAULT_INPUT);
        if (input.length() > MAX_INPUT_LENGTH) {
            throw new BadRequestResponse("Query parameter 'input' must be at most " + MAX_INPUT_LENGTH
                    + " characters, got " + input.length());
        }
        return input;
    }

    private static String answer(String hash, long startedNanos, String requestThread, String computeThread) {
        return hash + "\n"
                + Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() + " ms; asked on thread " + requestThread
                + ", computed on thread " + computeThread + "\n";
    }

    private static String threadName() {
        return Thread.currentThread().getName();
    }

    private void home(Context ctx) {
        String dashboard = Optional.ofNullable(queue).flatMap(JobQueue::dashboardPort)
                .map(port -> "http://localhost:" + port + "/dashboard").orElse("");
        ctx.render("index.jte", Map.of("routes", ROUTES, "defaultSteps", DEFAULT_JOB_STEPS, "queue", queue != null, "dashboard", dashboard));
    }

    private static void notFound(Context ctx) {
        String message = Optional.ofNullable(ctx.<String>attribute(NOT_FOUND_MESSAGE)).orElse("");
        ctx.render("not-found.jte", Map.of("path", ctx.path(), "routes", ROUTES, "message", message));
    }

    public static void main(String[] args) {
        // this chapter calls no upstream: its slow work is the CPU's own, so the launcher's upstream goes unused
        Launcher.chapter("Chapter 08 · When async does not help").tryPaths(ROUTES).run(args, upstream -> create(Settings.defaults().withQueue(QueueSettings.fromEnvironment())));
    }
}
