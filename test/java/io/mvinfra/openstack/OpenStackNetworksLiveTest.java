package io.mvinfra.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.openstack.network.NeutronSecurityGroup;
import io.mvinfra.openstack.network.NeutronSecurityRule;
import support.LocalServices;

/**
 * The Neutron buttons and "Populate provider fields" against the real Keystone, Neutron, Nova and Glance of
 * ../shared/openstack-local, as user demo: the seeded networks private (10.0.0.0/24) and public (172.24.4.0/24,
 * external), security groups and rules made under a unique prefix and deleted afterwards. Skipped when the stack is
 * not running, unless MVINFRA_REQUIRE_SERVICES=1.
 */
class OpenStackNetworksLiveTest {

    private final String prefix = "mvinfra-test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private OpenStackTestbed os;
    private LiveStack demo;

    @BeforeAll
    static void stackIsUp() {
        LocalServices.requireCompute();
    }

    @BeforeEach
    void open() {
        os = OpenStackTestbed.live(prefix);
        demo = LiveStack.demo();
    }

    @AfterEach
    void close() {
        for (NeutronSecurityGroup left : demo.neutron().securityGroups()) {
            if (left.name() != null && left.name().startsWith(prefix)) {
                demo.neutron().deleteSecurityGroup(left.id()).send();
            }
        }
        os.close();
    }

    private PressResult press(String cet, String action, String uuid) {
        PressResult result = os.press(cet, action, uuid);
        assertThat(result.outcome()).as(action + ": " + result.message()).isEqualTo(Outcome.SUCCESS);
        return result;
    }

    private StoredEntity network(String name) {
        List<StoredEntity> found = os.all("ServerNetwork", "name", name);
        assertThat(found).as("network " + name).hasSize(1);
        return found.get(0);
    }

    @Test
    void listNetworksBringsEverySeenNetworkWithItsSubnetsCidrs() {
        PressResult listed = press("ServiceProvider", "listOpenStackNetworks", os.provider);
        PressResult again = press("ServiceProvider", "listOpenStackNetworks", os.provider);

        StoredEntity privateNet = network("private");
        StoredEntity publicNet = network("public");
        assertThat(listed.message()).startsWith("Networks of openstack-local (").contains("new");
        assertThat(again.message()).doesNotContain("new");
        assertThat(privateNet.value("cidr")).isEqualTo(List.of("10.0.0.0/24"));
        assertThat(privateNet.value("shared")).isEqualTo(Boolean.TRUE);
        assertThat(privateNet.value("external")).isEqualTo(Boolean.FALSE);
        assertThat(privateNet.value("status")).isEqualTo("ACTIVE");
        assertThat((List<?>) privateNet.value("subnet")).hasSize(1);
        // public's subnet belongs to project service and is not shared: demo sees its id, not its range
        assertThat((List<?>) publicNet.value("subnet")).hasSize(1);
        assertThat(publicNet.value("external")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aSecurityGroupAndARuleAreCreatedListedAndDeletedThroughTheButtons() {
        String group = os.create("SecurityGroup", "name", prefix + "web", "description", "live test", "provider", os.provider);

        PressResult created = press("SecurityGroup", "createOpenStackSecurityGroup", group);
        String groupId = (String) os.field("SecurityGroup", group, "providerSideId");
        List<StoredEntity> defaults = os.all("SecurityRule", "securityGroup", group);
        String rule = os.create("SecurityRule", "securityGroup", group, "direction", "inbound", "protocol", "TCP",
                "destPortFrom", 443L, "ipRange", "203.0.113.0/24", "action", "accept");
        PressResult ruleCreated = press("SecurityRule", "createOpenStackSecurityGroupRule", rule);
        String ruleId = (String) os.field("SecurityRule", rule, "providerSideId");
        NeutronSecurityGroup atNeutron = demo.neutron().securityGroup(groupId);
        String bad = os.create("SecurityRule", "securityGroup", group, "direction", "inbound", "protocol", "ICMP",
                "destPortFrom", 8L, "action", "drop", "ipRange", "10.0.0.300/8");
        PressResult refused = os.press("SecurityRule", "createOpenStackSecurityGroupRule", bad);
        Object badId = os.field("SecurityRule", bad, "providerSideId");
        PressResult listed = press("ServiceProvider", "listOpenStackSecurityGroups", os.provider);
        Object missingAfterList = os.field("SecurityGroup", group, "missingAtProvider");
        int rulesAfterList = os.all("SecurityRule", "securityGroup", group).size();
        PressResult ruleDeleted = press("SecurityRule", "deleteOpenStackSecurityGroupRule", rule);
        List<String> rulesAfterDelete = demo.neutron().securityGroup(groupId).securityGroupRules().stream().map(NeutronSecurityRule::id).toList();
        PressResult deleted = os.press("SecurityGroup", "deleteOpenStackSecurityGroup", group, Map.of("confirm", "yes"));

        assertThat(created.message()).isEqualTo("Security group " + prefix + "web created at OpenStack (id " + groupId
                + ") with Neutron's 2 default rules");
        assertThat(defaults).extracting(r -> r.value("direction") + " " + r.value("protocol") + " " + r.value("ipRange"))
                .containsExactlyInAnyOrder("outbound ANY 0.0.0.0/0", "outbound ANY ::/0");
        assertThat(ruleCreated.message()).isEqualTo("Security rule inbound TCP 443-443 from 203.0.113.0/24 created in Security group "
                + prefix + "web (id " + ruleId + ")");
        assertThat(atNeutron.description()).isEqualTo("live test");
        assertThat(atNeutron.securityGroupRules()).filteredOn(r -> ruleId.equals(r.id())).singleElement().satisfies(r -> {
            assertThat(r.direction()).isEqualTo("ingress");
            assertThat(r.protocol()).isEqualTo("tcp");
            assertThat(r.portRangeMin()).isEqualTo(443);
            assertThat(r.portRangeMax()).isEqualTo(443);
            assertThat(r.remoteIpPrefix()).isEqualTo("203.0.113.0/24");
            assertThat(r.ethertype()).isEqualTo("IPv4");
        });
        assertThat(refused.outcome()).isNotEqualTo(Outcome.SUCCESS);
        assertThat(refused.message()).contains("SecurityRule.action", "Neutron's rules only allow")
                .contains("SecurityRule.destPortFrom", "ports apply to TCP and UDP only")
                .contains("SecurityRule.ipRange");
        assertThat(badId).isNull();
        assertThat(listed.message()).startsWith("Security groups of openstack-local: ");
        assertThat(missingAfterList).isEqualTo(Boolean.FALSE);
        assertThat(rulesAfterList).as("no rule twice after the list: 2 default, 443, the refused one").isEqualTo(4);
        assertThat(ruleDeleted.message()).isEqualTo("Security rule " + ruleId + " of Security group " + prefix + "web deleted at OpenStack, removed here");
        assertThat(rulesAfterDelete).doesNotContain(ruleId).hasSize(2);
        assertThat(deleted.outcome()).as(deleted.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(deleted.message()).isEqualTo("Security group " + prefix + "web deleted at OpenStack (id " + groupId
                + "), removed here with its 3 rules");
        assertThat(demo.neutron().securityGroups()).extracting(NeutronSecurityGroup::id).doesNotContain(groupId);
        assertThat(os.all("SecurityGroup", "name", prefix + "web")).isEmpty();
    }

    @Test
    void populateProviderFieldsReadsRegionsAndEndpointsFromTheCatalogAndWhatEachServiceOffers() {
        PressResult populated = press("ServiceProvider", "populateOpenStackProviderFields", os.provider);

        StoredEntity provider = os.entity("ServiceProvider", os.provider);
        assertThat(populated.message()).startsWith("openstack-local: 1 regions (RegionOne), ");
        assertThat(provider.value("zones")).isEqualTo(List.of("RegionOne"));
        assertThat(map(provider, "providerEndpoints")).containsEntry("RegionOne:compute", "http://127.0.0.1:8774/v2.1")
                .containsEntry("RegionOne:network", "http://127.0.0.1:9696").containsKey("RegionOne:image");
        assertThat(map(provider, "providerServerTypes").get("m1.tiny"))
                .contains("\"vcpus\":1", "\"ram_mib\":512", "\"disk_gib\":1");
        assertThat(map(provider, "providerImages")).containsValue("cirros-fake");
        assertThat(map(provider, "providerNetworks")).containsValues("private", "public");
    }

    /**
     * The session's token revoked between two presses, then used by one press at Nova, Glance and Neutron in turn:
     * a service that validated it before may still take it from its cache; the first that asks Keystone refuses it
     * (401), the press renews once and goes on, and the new token is written back.
     */
    @Test
    void aTokenRevokedWhileTheSessionHoldsItIsRenewedMidPressAndWrittenBack() {
        press("ServiceProvider", "listOpenStackServers", os.provider);
        String before = token();
        LiveStack admin = LiveStack.admin();
        admin.revoke(before);

        PressResult populated = os.press("ServiceProvider", "populateOpenStackProviderFields", os.provider);

        String after = token();
        assertThat(populated.outcome()).as(populated.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(populated.message()).contains("flavors", "images", "networks");
        assertThat(admin.valid(before)).as("revoked").isFalse();
        assertThat(after).isNotBlank().isNotEqualTo(before);
        assertThat(admin.valid(after)).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> map(StoredEntity entity, String field) {
        return (Map<String, String>) entity.value(field);
    }

    private String token() {
        return (String) os.host.store().reveal(os.host.store().require("Credential", os.credential)).get("token");
    }
}
