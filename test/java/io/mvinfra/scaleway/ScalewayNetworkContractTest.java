package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.mvinfra.scaleway.ListPublicIpsTest.SERVER_ID;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static io.mvinfra.scaleway.ScalewayTestbed.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.ContractReplay;
import support.Prism;

/**
 * Every Instance request the security-group, IP and user-data buttons build, checked against Scaleway's own spec: the
 * buttons run against WireMock answering as Scaleway, then each recorded request is sent to Prism mocking
 * ../shared/api-specs/scaleway-instance.yaml in validation mode, which must accept it; a wrong one must be refused.
 */
class ScalewayNetworkContractTest {

    private static final String ZONE = "/instance/v1/zones/fr-par-1";
    private static final String GROUP_ID = "11111111-0000-4000-8000-000000000001";
    private static final String RULE_ID = "22222222-0000-4000-8000-000000000002";
    private static final String IP_ID = "fd8f6fbc-0000-4000-8000-000000000001";
    private static final String GROUP = ListSecurityGroupsTest.group(GROUP_ID, "web", "fr-par-1", "drop", SERVER_ID);
    private static final String RULE = """
            {"id": "%s", "protocol": "TCP", "direction": "inbound", "ip_range": "0.0.0.0/0", "dest_port_from": 443,
             "dest_port_to": null, "position": 2, "editable": true, "action": "accept", "zone": "fr-par-1"}""".formatted(RULE_ID);

    private static Prism prism;
    private static WireMockServer scaleway;

    @BeforeAll
    static void start() throws Exception {
        prism = Prism.start("scaleway-instance.yaml");
        scaleway = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        scaleway.start();
    }

    @AfterAll
    static void stop() {
        if (scaleway != null) {
            scaleway.stop();
        }
        if (prism != null) {
            prism.close();
        }
    }

    @Test
    void prismAcceptsEveryRequestTheButtonsBuild() throws Exception {
        answerAsScaleway();
        List<String> outcomes = pressEveryButton();
        List<LoggedRequest> sent = ContractReplay.sentTo(scaleway);
        prism.clear();

        List<String> refused = new ContractReplay(prism, List.of("X-Auth-Token", "Content-Type")).refused(sent);
        Set<String> kinds = ContractReplay.kinds(sent, "[0-9a-f-]{36}").keySet();

        assertThat(outcomes).allMatch(o -> o.startsWith(Outcome.SUCCESS.name()));
        assertThat(kinds).contains("GET " + ZONE + "/security_groups", "POST " + ZONE + "/security_groups",
                "PUT " + ZONE + "/security_groups/{id}", "DELETE " + ZONE + "/security_groups/{id}",
                "POST " + ZONE + "/security_groups/{id}/rules", "PUT " + ZONE + "/security_groups/{id}/rules/{id}",
                "DELETE " + ZONE + "/security_groups/{id}/rules/{id}", "POST " + ZONE + "/ips", "PATCH " + ZONE + "/ips/{id}",
                "DELETE " + ZONE + "/ips/{id}", "GET " + ZONE + "/servers/{id}/user_data",
                "PATCH " + ZONE + "/servers/{id}/user_data/cloud-init", "DELETE " + ZONE + "/servers/{id}/user_data/cloud-init");
        assertThat(refused).isEmpty();
        assertThat(prism.violations()).isEmpty();
    }

    @Test
    void prismRefusesARequestThatBreaksTheSpec() throws Exception {
        prism.clear();

        HttpResponse<String> noName = send("POST", ZONE + "/security_groups", "{\"project\": \"" + ScalewayTestbed.PROJECT + "\"}");
        HttpResponse<String> sctp = send("POST", ZONE + "/security_groups/" + GROUP_ID + "/rules",
                "{\"protocol\": \"SCTP\", \"direction\": \"inbound\", \"action\": \"accept\", \"ip_range\": \"0.0.0.0/0\"}");

        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(sctp.statusCode()).isEqualTo(422);
        assertThat(prism.violations()).isNotEmpty();
    }

    private static List<String> pressEveryButton() {
        List<String> outcomes = new ArrayList<>();
        try (ScalewayTestbed scw = ScalewayTestbed.at(scaleway.baseUrl())) {
            scw.update("ServiceProvider", scw.provider, "zones", List.of("fr-par-1"));
            String server = scw.server("instanceName", "dev-web-1", "serverType", "DEV1-S", "zone", "fr-par-1", "providerSideId", SERVER_ID);
            outcomes.add(outcome(scw.press("ServiceProvider", "listScalewaySecurityGroups", scw.provider)));
            String created = scw.securityGroup("name", "api", "zone", "fr-par-1", "stateful", true, "outboundDefaultPolicy", "drop");
            outcomes.add(outcome(scw.press("SecurityGroup", "createScalewaySecurityGroup", created)));
            String group = scw.all("SecurityGroup", "providerSideId", GROUP_ID).get(0).uuid();
            scw.update("SecurityGroup", group, "description", "front ends", "tags", List.of("web", "prod"));
            outcomes.add(outcome(scw.press("SecurityGroup", "updateScalewaySecurityGroup", group)));
            outcomes.add(outcome(scw.press("SecurityGroup", "listScalewaySecurityGroupRules", group)));
            String rule = scw.securityRule(group, "protocol", "UDP", "direction", "outbound", "action", "drop", "ipRange", "2001:db8::/48",
                    "destPortFrom", 1000L, "destPortTo", 2000L, "position", 1L);
            outcomes.add(outcome(scw.press("SecurityRule", "createScalewaySecurityGroupRule", rule)));
            String listed = scw.all("SecurityRule", "providerSideId", RULE_ID).get(0).uuid();
            scw.update("SecurityRule", listed, "ipRange", "203.0.113.0/24");
            outcomes.add(outcome(scw.press("SecurityRule", "updateScalewaySecurityGroupRule", listed)));
            outcomes.add(outcome(scw.press("SecurityRule", "deleteScalewaySecurityGroupRule", listed)));
            outcomes.add(outcome(scw.press("SecurityGroup", "deleteScalewaySecurityGroup", group)));

            outcomes.add(outcome(scw.press("ServiceProvider", "listScalewayPublicIps", scw.provider)));
            String v6 = scw.publicIp("zone", "fr-par-1", "type", "routed_ipv6", "tags", List.of("web"));
            outcomes.add(outcome(scw.press("PublicIp", "reserveScalewayPublicIp", v6)));
            String ip = scw.all("PublicIp", "providerSideId", IP_ID).get(0).uuid();
            scw.update("PublicIp", ip, "server", server);
            outcomes.add(outcome(scw.press("PublicIp", "attachScalewayPublicIp", ip)));
            outcomes.add(outcome(scw.press("PublicIp", "detachScalewayPublicIp", ip)));
            outcomes.add(outcome(scw.press("PublicIp", "releaseScalewayPublicIp", ip)));

            outcomes.add(outcome(scw.press("Server", "listScalewayServerUserData", server)));
            String data = scw.all("ServerUserData", "name", "cloud-init").get(0).uuid();
            outcomes.add(outcome(scw.press("ServerUserData", "setScalewayServerUserData", data)));
            outcomes.add(outcome(scw.press("ServerUserData", "deleteScalewayServerUserData", data)));
        }
        return outcomes;
    }

    private static void answerAsScaleway() {
        scaleway.resetAll();
        String groups = ZONE + "/security_groups";
        scaleway.stubFor(get(urlPathEqualTo(groups)).willReturn(page("{\"security_groups\": [" + GROUP + "]}", 1)));
        scaleway.stubFor(post(groups).willReturn(answer(201, "{\"security_group\": "
                + ListSecurityGroupsTest.group("11111111-0000-4000-8000-000000000009", "api", "fr-par-1", "accept") + "}")));
        scaleway.stubFor(get(groups + "/" + GROUP_ID).willReturn(answer(200, "{\"security_group\": " + GROUP + "}")));
        scaleway.stubFor(put(groups + "/" + GROUP_ID).willReturn(answer(200, "{\"security_group\": " + GROUP + "}")));
        scaleway.stubFor(delete(groups + "/" + GROUP_ID).willReturn(noContent()));
        String rules = groups + "/" + GROUP_ID + "/rules";
        scaleway.stubFor(get(urlPathEqualTo(rules)).willReturn(page("{\"rules\": [" + RULE + "]}", 1)));
        scaleway.stubFor(post(rules).willReturn(answer(201, "{\"rule\": " + RULE.replace(RULE_ID, "22222222-0000-4000-8000-000000000009") + "}")));
        scaleway.stubFor(get(rules + "/" + RULE_ID).willReturn(answer(200, "{\"rule\": " + RULE + "}")));
        scaleway.stubFor(put(rules + "/" + RULE_ID).willReturn(answer(200, "{\"rule\": " + RULE + "}")));
        scaleway.stubFor(delete(rules + "/" + RULE_ID).willReturn(noContent()));

        String ips = ZONE + "/ips";
        String detached = ListPublicIpsTest.ip(IP_ID, "163.172.159.60", null, "routed_ipv4", null, "fr-par-1");
        String attached = ListPublicIpsTest.ip(IP_ID, "163.172.159.60", null, "routed_ipv4", SERVER_ID, "fr-par-1");
        scaleway.stubFor(get(urlPathEqualTo(ips)).willReturn(page("{\"ips\": [" + detached + "]}", 1)));
        scaleway.stubFor(post(ips).willReturn(answer(201, "{\"ip\": " + ListPublicIpsTest.ip("0c265f34-0000-4000-8000-000000000002", null,
                "2001:bc8:711:4b81::/64", "routed_ipv6", null, "fr-par-1") + "}")));
        // attached when Detach reads it, detached when Release does
        scaleway.stubFor(get(ips + "/" + IP_ID).inScenario("ip").whenScenarioStateIs(STARTED).willSetStateTo("detached")
                .willReturn(answer(200, "{\"ip\": " + attached + "}")));
        scaleway.stubFor(get(ips + "/" + IP_ID).inScenario("ip").whenScenarioStateIs("detached")
                .willReturn(answer(200, "{\"ip\": " + detached + "}")));
        scaleway.stubFor(patch(ips + "/" + IP_ID).willReturn(answer(200, "{\"ip\": " + attached + "}")));
        scaleway.stubFor(delete(ips + "/" + IP_ID).willReturn(noContent()));
        scaleway.stubFor(get(ZONE + "/servers/" + SERVER_ID).willReturn(answer(200, "{\"server\": {\"id\": \"" + SERVER_ID
                + "\", \"name\": \"dev-web-1\", \"state\": \"running\", \"zone\": \"fr-par-1\", \"public_ip\": null}}")));

        String userData = ZONE + "/servers/" + SERVER_ID + "/user_data";
        scaleway.stubFor(get(userData).willReturn(answer(200, "{\"user_data\": [\"cloud-init\"]}")));
        scaleway.stubFor(get(userData + "/cloud-init").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("#cloud-config\n")));
        scaleway.stubFor(patch(userData + "/cloud-init").willReturn(noContent()));
        scaleway.stubFor(delete(userData + "/cloud-init").willReturn(noContent()));
    }

    private static String outcome(PressResult result) {
        return result.outcome() + ": " + result.message();
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(prism.baseUrl() + path.substring(1)))
                .header("X-Auth-Token", ScalewayTestbed.SECRET_KEY).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
    }
}
