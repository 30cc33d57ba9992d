package io.mvinfra.host.web.testbuttons;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.meveo.admin.exception.BusinessException;

import io.mvinfra.buttons.ButtonScript;

/** Runs until the test calls {@link #release()}: a long-running button whose end the test decides. */
public class HoldUntilReleased extends ButtonScript {
    private static volatile CountDownLatch gate = new CountDownLatch(1);

    public static void hold() {
        gate = new CountDownLatch(1);
    }

    public static void release() {
        gate.countDown();
    }

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        progress(ctx, "waiting for the test to release it");
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new BusinessException("the test never released the button");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessException("interrupted");
        }
        message(ctx, "released");
    }
}
