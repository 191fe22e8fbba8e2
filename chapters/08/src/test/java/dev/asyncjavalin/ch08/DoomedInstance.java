package dev.asyncjavalin.ch08;

import java.util.concurrent.CountDownLatch;

/**
 * A second instance of the job queue in a JVM of its own, for the test that kills it: its work
 * never ends, so a job it takes stays PROCESSING until the test kills this process (no stop hook
 * runs, nothing is recorded: as when a machine dies). It prints its JobRunr server id first.
 */
final class DoomedInstance {

    private DoomedInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        JobQueue queue = new JobQueue(new QueueSettings(args[0], true, QueueSettings.DEFAULT_RETRIES, 0), input -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "unreachable";
        });
        System.out.println("server " + queue.serverId().orElseThrow());
        System.out.flush();
        never.await();
    }
}
