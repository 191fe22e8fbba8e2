package dev.asyncjavalin.ch05;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request log, written off the request path and never lost.
 *
 * <p>The after hook only puts a record in a bounded queue; one writer thread takes records out in
 * batches and stores them. A request never waits for the database, unless the writer falls so
 * far behind that the queue is full: then the request waits for space (backpressure) rather than
 * drop its record. {@link #close} stores whatever is still queued before it returns.
 */
final class RequestLog implements AutoCloseable {

    /** Stores one batch of records, all of them or none (one transaction); the writer thread is its only caller. */
    interface BatchWriter {
        void write(List<RequestRecord> batch) throws Exception;
    }

    static final int MAX_BATCH = 500;

    /** Queued by {@link #close} after the last real record: the writer stops when it reads it. */
    private static final RequestRecord CLOSED = new RequestRecord(Instant.EPOCH, "-", "-", "-", 0, Duration.ZERO, null);

    private final BlockingQueue<RequestRecord> queue;
    private final BatchWriter writer;
    private final Thread writerThread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong waitedForSpace = new AtomicLong();
    private volatile boolean closed;

    RequestLog(int capacity, BatchWriter writer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = writer;
        this.writerThread = new Thread(this::writeUntilClosed, "request-log-writer");
        writerThread.setDaemon(true); // close() drains it on a clean stop; a daemon never holds a dying JVM
        writerThread.start();
    }

    // tag::record[]
    /** Queues {@code record}; waits only while the queue is full. */
    void record(RequestRecord record) throws InterruptedException {
        if (closed) { // only after a stop that ran out of time: no writer is left to store it
            lose(record);
            return;
        }
        if (!queue.offer(record)) {
            waitedForSpace.incrementAndGet();
            queue.put(record); // backpressure: this request waits for the writer; the record is not dropped
        }
    }
    // end::record[]

    // tag::writer[]
    private void writeUntilClosed() {
        List<RequestRecord> batch = new ArrayList<>(MAX_BATCH);
        boolean closed = false;
        while (!closed) {
            batch.add(takeNext());
            queue.drainTo(batch, MAX_BATCH - 1); // whatever else is waiting: one insert for many records
            closed = batch.get(batch.size() - 1) == CLOSED; // nothing is ever queued after CLOSED
            if (closed) {
                batch.remove(batch.size() - 1);
            }
            store(batch);
            batch.clear();
        }
    }
    // end::writer[]

    private RequestRecord takeNext() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // nobody else interrupts this thread; close() ends it with CLOSED, never by interrupt
            }
        }
    }

    private void store(List<RequestRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.write(batch);
            written.addAndGet(batch.size());
        } catch (Exception batchFailed) {
            // the batch stored nothing: one record may be at fault, so store them one by one and count
            // exactly what is lost (if the database itself is down, that is all of them)
            int lostHere = 0;
            Exception firstFailure = batchFailed;
            for (RequestRecord record : batch) {
                try {
                    writer.write(List.of(record));
                    written.incrementAndGet();
                } catch (Exception e) {
                    firstFailure = lostHere == 0 ? e : firstFailure;
                    lostHere++;
                }
            }
            if (lostHere > 0) {
                lost.addAndGet(lostHere);
                System.err.println("request log: lost " + lostHere + " of " + batch.size() + " record(s) (" + lost.get()
                        + " in all): " + firstFailure);
            }
        }
    }

    private void lose(RequestRecord record) {
        System.err.println("request log: lost the record of " + record.method() + " " + record.path()
                + ", which ended after the log closed (" + lost.incrementAndGet() + " in all)");
    }

    /** Records stored so far. */
    long written() {
        return written.get();
    }

    /** Records the database refused, one by one; each is also reported on stderr. */
    long lost() {
        return lost.get();
    }

    /** How many times a request found the queue full and waited for space. */
    long waitedForSpace() {
        return waitedForSpace.get();
    }

    int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    // tag::close[]
    /** Stores every queued record, then stops the writer. Call it once no request can still record. */
    @Override
    public void close() {
        closed = true;
        try {
            queue.put(CLOSED);
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
    // end::close[]
}
