package support;

import io.mvinfra.http.HttpRuntime;

/**
 * A runtime of the test's own as the one {@link HttpRuntime#shared()} answers (the buttons only ever ask for that one),
 * until {@link #close}, which puts back the one it replaced, even none: a runtime left behind would carry its clock and
 * settings into the next test class of the JVM.
 */
public final class SharedRuntimeSwap implements AutoCloseable {

    private final HttpRuntime replaced;
    private boolean closed;

    private SharedRuntimeSwap(HttpRuntime runtime) {
        this.replaced = HttpRuntime.useShared(runtime);
    }

    public static SharedRuntimeSwap in(HttpRuntime runtime) {
        return new SharedRuntimeSwap(runtime);
    }

    /** Puts the replaced runtime back, once: a second close would undo a swap made after this one. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            HttpRuntime.useShared(replaced);
        }
    }
}
