package support;

import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;

/** Stubs the tests share. */
public final class Stubs {

    private Stubs() {
    }

    /**
     * Successive calls of {@code request} get the {@code answers} in turn; the last one stays.
     *
     * @param request a fresh builder each time (WireMock's builders are mutable)
     */
    public static void inTurn(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... answers) {
        String scenario = "in turn " + System.identityHashCode(request);
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder turn = request.get().inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? STARTED : "answer " + i)
                    .willReturn(answers[i]);
            stubFor(i + 1 < answers.length ? turn.willSetStateTo("answer " + (i + 1)) : turn);
        }
    }
}
