package org.tsak.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The local executor's rule for tasks that run alone (PyTorch's global generator): no other task
 * that uses PyTorch runs beside them, but a task that never calls PyTorch (a random forest) may.
 */
class LocalExecutorSchedulingTest {

    @Test
    void anEngineFreeTaskRunsBesideATaskThatRunsAlone() throws Exception {
        CountDownLatch forestStarted = new CountDownLatch(1);
        AtomicInteger overlap = new AtomicInteger();
        LocalExecutor.Task teacher = new LocalExecutor.Task("teacher", List.of(), true, () -> {
            if (forestStarted.await(20, TimeUnit.SECONDS)) {
                overlap.incrementAndGet();
            }
        });
        LocalExecutor.Task forest = LocalExecutor.Task.engineFree("forest", List.of(), forestStarted::countDown);
        new LocalExecutor(2).run(List.of(teacher, forest));
        assertEquals(1, overlap.get(), "the forest ran while the teacher ran");
    }

    @Test
    void noEngineTaskRunsBesideATaskThatRunsAlone() throws Exception {
        AtomicInteger inEngine = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean aloneRunning = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger violations = new AtomicInteger();
        LocalExecutor.Work alone = () -> {
            if (inEngine.getAndIncrement() != 0) {
                violations.incrementAndGet();
            }
            aloneRunning.set(true);
            Thread.sleep(100);
            aloneRunning.set(false);
            inEngine.decrementAndGet();
        };
        LocalExecutor.Work student = () -> {
            inEngine.incrementAndGet();
            for (int i = 0; i < 10; i++) {
                if (aloneRunning.get()) {
                    violations.incrementAndGet();
                }
                Thread.sleep(5);
            }
            inEngine.decrementAndGet();
        };
        new LocalExecutor(2).run(List.of(new LocalExecutor.Task("student-1", List.of(), false, student),
                new LocalExecutor.Task("teacher", List.of(), true, alone),
                new LocalExecutor.Task("student-2", List.of(), false, student),
                new LocalExecutor.Task("teacher-2", List.of(), true, alone),
                new LocalExecutor.Task("student-3", List.of(), false, student)));
        assertEquals(0, violations.get(), "a PyTorch task ran beside a task that runs alone");
    }

    @Test
    void aTaskThatRunsAloneMustUseTheEngine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LocalExecutor.Task("x", List.of(), true, () -> { }, false));
        assertTrue(e.getMessage().contains("task x"), e.getMessage());
    }
}
