package support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mvinfra.http.HttpRuntime;

/** The shared HTTP runtime a testbed brings: the buttons' one while it is open, the one it replaced again after. */
class ModuleTestbedTest {

    private final HttpRuntime outer = TestHttp.runtime(new FakeTime());
    private SharedRuntimeSwap outerSwap;

    @BeforeEach
    void shareOuter() {
        outerSwap = SharedRuntimeSwap.in(outer);
    }

    @AfterEach
    void putBack() {
        outerSwap.close();
    }

    @Test
    void aTestbedGivenARuntimeSharesItUntilCloseThenPutsBackTheOneItReplaced() {
        HttpRuntime own = TestHttp.runtime(new FakeTime());

        ModuleTestbed testbed = new ModuleTestbed(Optional.of(own)) { };
        HttpRuntime whileOpen = HttpRuntime.shared();
        testbed.close();

        assertThat(whileOpen).isSameAs(own);
        assertThat(HttpRuntime.shared()).isSameAs(outer);
    }

    @Test
    void aTestbedGivenNoRuntimeLeavesTheSharedOneAlone() {
        ModuleTestbed testbed = new ModuleTestbed() { };
        HttpRuntime whileOpen = HttpRuntime.shared();
        testbed.close();

        assertThat(whileOpen).isSameAs(outer);
        assertThat(HttpRuntime.shared()).isSameAs(outer);
    }

    @Test
    void aSwapPutsBackNoRuntimeWhenThereWasNone() {
        HttpRuntime.useShared(null);
        SharedRuntimeSwap swap = SharedRuntimeSwap.in(TestHttp.runtime(new FakeTime()));

        swap.close();

        assertThat(HttpRuntime.useShared(null)).as("left shared after close").isNull();
    }

    @Test
    void aSwapClosedTwiceDoesNotUndoALaterOne() {
        SharedRuntimeSwap first = SharedRuntimeSwap.in(TestHttp.runtime(new FakeTime()));
        first.close();
        HttpRuntime later = TestHttp.runtime(new FakeTime());
        SharedRuntimeSwap second = SharedRuntimeSwap.in(later);

        first.close();

        assertThat(HttpRuntime.shared()).isSameAs(later);
        second.close();
    }
}
