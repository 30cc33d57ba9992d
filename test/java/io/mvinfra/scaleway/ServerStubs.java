package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/** A Scaleway server played by the stub through its states, for the power buttons' tests. */
final class ServerStubs {

    static final String ID = "1b7e2c1a-0000-4000-8000-000000000001";
    static final String SERVER = "/instance/v1/zones/fr-par-1/servers/" + ID;
    static final String ACTION = SERVER + "/action";
    static final String TASK_ID = "9f8e7d6c-7777-4a1b-8c2d-3e4f5a6b7c8d";

    private ServerStubs() {
    }

    /** The server as Scaleway answers it in {@code state}, with the actions that state allows. */
    static String serverIn(String state) {
        String allowed = switch (state) {
            case "running" -> "\"poweroff\", \"terminate\", \"reboot\", \"stop_in_place\", \"backup\"";
            case "stopped" -> "\"poweron\", \"backup\"";
            case "stopped in place" -> "\"poweron\", \"poweroff\", \"backup\"";
            default -> "";
        };
        return "{\"server\": {\"id\": \"" + ID + "\", \"name\": \"dev-web-1\", \"commercial_type\": \"DEV1-S\", \"state\": \"" + state
                + "\", \"zone\": \"fr-par-1\", \"tags\": [], \"allowed_actions\": [" + allowed + "], \"arch\": \"x86_64\"}}";
    }

    /** GET answers each state in turn, the first until the action is posted, the last for good. */
    static void serverGoes(String... states) {
        stubFor(get(SERVER).inScenario("power").whenScenarioStateIs(STARTED).willReturn(okJson(serverIn(states[0]))));
        stubFor(post(ACTION).inScenario("power").whenScenarioStateIs(STARTED).willSetStateTo("1")
                .willReturn(okJson("{\"task\": {\"id\": \"" + TASK_ID + "\", \"status\": \"pending\", \"progress\": 0}}")));
        for (int i = 1; i < states.length; i++) {
            var stub = get(SERVER).inScenario("power").whenScenarioStateIs(String.valueOf(i)).willReturn(okJson(serverIn(states[i])));
            stubFor(i + 1 < states.length ? stub.willSetStateTo(String.valueOf(i + 1)) : stub);
        }
    }
}
