package io.relayconsole.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.app.task.TaskExecutor.Lane;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {
    /** Stands in for the FX thread: the test runs what is handed over when it chooses. */
    private final LinkedBlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
    private final TaskExecutor tasks = new TaskExecutor(fxThread::add);

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void aLaneRunsItsTasksInTheOrderGivenOnItsOwnDaemonThread() throws Exception {
        List<Integer> given = IntStream.range(0, 50).boxed().toList();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Thread> last = null;
        for (int i : given) {
            last = tasks.supply(Lane.ENGINE, () -> {
                ran.add(i);
                return Thread.currentThread();
            });
        }
        Thread thread = last.get(5, TimeUnit.SECONDS);
        assertThat(ran).containsExactlyElementsOf(given);
        assertThat(thread.getName()).isEqualTo("console-engine");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void aSlowLaneDoesNotHoldUpAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        tasks.supply(Lane.SCENARIOS, () -> {
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(tasks.supply(Lane.ENGINE, () -> "done").get(5, TimeUnit.SECONDS)).isEqualTo("done");
        release.countDown();
    }

    @Test
    void resultsAndUnwrappedFailuresAreHandedToTheFxThread() throws Exception {
        List<Object> delivered = new CopyOnWriteArrayList<>();
        tasks.run(Lane.ENGINE, () -> 42, delivered::add, delivered::add);
        tasks.run(Lane.ENGINE, () -> {
            throw new IllegalStateException("store down");
        }, delivered::add, delivered::add);
        fxThread.poll(5, TimeUnit.SECONDS).run();
        fxThread.poll(5, TimeUnit.SECONDS).run();
        assertThat(delivered.get(0)).isEqualTo(42);
        assertThat(delivered.get(1)).isInstanceOf(IllegalStateException.class);
        assertThat(((Throwable) delivered.get(1)).getMessage()).isEqualTo("store down");
    }

    @Test
    void closingInterruptsWhatRunsAndRefusesWhatComesLater() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        tasks.execute(Lane.VIEWS, () -> {
            started.countDown();
            try {
                Thread.sleep(10_000);
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        tasks.close();
        assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();

        List<Object> delivered = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> late = tasks.run(Lane.ENGINE, () -> 1, delivered::add, delivered::add);
        assertThatThrownBy(late::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(fxThread.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(delivered).isEmpty();
    }
}
