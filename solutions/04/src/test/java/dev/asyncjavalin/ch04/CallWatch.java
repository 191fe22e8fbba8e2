package dev.asyncjavalin.ch04;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Response;

/**
 * Tells, for every call of an OkHttp client, how it ended: cancelled by someone, or on its own (an
 * answer, a failure, its own timeout). A test waits for the events, so it needs no clock to tell a
 * call that was cancelled at the deadline from one left to run until its own timeout.
 */
final class CallWatch extends EventListener {

    private final Map<Call, CompletableFuture<Boolean>> ends = new ConcurrentHashMap<>();

    /** For each call started so far for {@code url}: completes when it ends, with whether it was cancelled first. */
    List<CompletableFuture<Boolean>> endsOf(String url) {
        return ends.entrySet().stream().filter(entry -> entry.getKey().request().url().toString().equals(url))
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public void callStart(Call call) {
        end(call); // known from its start, so that endsOf sees a call that has not ended yet
    }

    @Override
    public void callEnd(Call call) {
        end(call).complete(call.isCanceled());
    }

    // not the canceled(call) event: OkHttp sends it after it has closed the socket, so the call's own
    // thread can report the failure first; isCanceled() is set before the socket is closed
    @Override
    public void callFailed(Call call, IOException failure) {
        end(call).complete(call.isCanceled());
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        end(call);
    }

    private CompletableFuture<Boolean> end(Call call) {
        return ends.computeIfAbsent(call, started -> new CompletableFuture<>());
    }
}
