package dev.camelsixtyfour.component.client;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

import dev.camelsixtyfour.component.client.HttpSixtyfourClient.ResponseBody;

/**
 * Wraps the body subscriber of one attempt so that the caller gets its answer first. Once the body is read, one
 * task on the completions executor hands the answer to the caller, and only then completes the body the JDK waits
 * for. The JDK passes its own future of every {@code sendAsync} through {@code CompletableFuture}'s default
 * executor, which starts a new thread per answer where the common pool has a single thread (1 or 2 CPUs); this way
 * neither that hop nor that thread start delays the exchange or the client's selector thread.
 */
final class HandOverSubscriber implements BodySubscriber<ResponseBody> {

    private final BodySubscriber<ResponseBody> delegate;
    private final CompletableFuture<ResponseBody> handedOver = new CompletableFuture<>();

    HandOverSubscriber(BodySubscriber<ResponseBody> delegate, Executor completions,
                       BiConsumer<ResponseBody, Throwable> caller) {
        this.delegate = delegate;
        delegate.getBody().whenComplete((body, failure) -> runOn(completions, () -> {
            caller.accept(body, failure);
            if (failure != null) {
                handedOver.completeExceptionally(failure);
            } else {
                handedOver.complete(body);
            }
        }));
    }

    /**
     * Runs the task on the executor, or here once the executor no longer takes tasks (the endpoint is stopping), so
     * that no answer and no exchange of the JDK client is left hanging.
     */
    static void runOn(Executor completions, Runnable task) {
        if (completions instanceof ExecutorService pool && pool.isShutdown()) {
            task.run();
            return;
        }
        try {
            completions.execute(task);
        } catch (RejectedExecutionException stopping) {
            task.run();
        }
    }

    @Override
    public CompletionStage<ResponseBody> getBody() {
        return handedOver;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        delegate.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
        delegate.onComplete();
    }
}
