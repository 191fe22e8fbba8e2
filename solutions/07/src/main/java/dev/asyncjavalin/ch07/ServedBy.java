package dev.asyncjavalin.ch07;

/**
 * Which thread ran a handler, as the pages show it.
 *
 * @param name    the thread's name, e.g. {@code JettyServerThreadPool-Virtual-12}
 * @param virtual whether it is a virtual thread
 * @param details {@code Thread.toString()}: for a virtual thread it also names the carrier
 *                (the platform thread it is mounted on right now)
 */
public record ServedBy(String name, boolean virtual, String details) {

    // tag::current[]
    static ServedBy current() {
        Thread thread = Thread.currentThread();
        return new ServedBy(thread.getName(), thread.isVirtual(), thread.toString());
    }
    // end::current[]

    public String kind() {
        return virtual ? "virtual thread" : "platform thread";
    }
}
