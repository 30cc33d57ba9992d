package io.mvinfra.cloudflare.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.http.Json;
import io.mvinfra.validation.Violations;

/** The rules a DnsRecord meets before Cloudflare is asked anything ({@link DnsRecordRequests}). */
class DnsRecordRequestsTest {

    private static final DomainName ZONE = zone();

    private static DomainName zone() {
        DomainName zone = new DomainName("d1");
        zone.setName("Example.com");
        return zone;
    }

    private static DnsRecord record(String type, String name, String value) {
        DnsRecord record = new DnsRecord();
        record.setRecordType(type);
        record.setName(name);
        record.setValue(value);
        return record;
    }

    private static String problemsOf(DnsRecord record) {
        try {
            DnsRecordRequests.create(record, ZONE);
            return "";
        } catch (BusinessException e) {
            return e.getMessage();
        }
    }

    private static CloudflareDnsRecord atCloudflare(String type, String name, String content, JsonNode data, Integer ttl) {
        return new CloudflareDnsRecord("rec-1", type, name, content, data, ttl, null, false, true, false, null, List.of(),
                Instant.EPOCH, Instant.EPOCH);
    }

    @ParameterizedTest
    @CsvSource({
            "@, example.com",
            "www, www.example.com",
            "WWW, www.example.com",
            "www.example.com, www.example.com",
            "www.example.com., www.example.com",
            "example.com, example.com",
            "*, *.example.com",
            "*.dev.example.com, *.dev.example.com",
            "_dmarc, _dmarc.example.com",
            "_sip._tcp, _sip._tcp.example.com",
            "café, xn--caf-dma.example.com",
    })
    void aNameIsTheFullNameInTheZone(String given, String full) {
        Violations problems = new Violations("DnsRecord");

        assertThat(DnsRecordNames.fullName(given, "example.com", problems)).isEqualTo(full);
        assertThat(problems.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "www.example.org, www.example.org is not in example.com",
            "api.staging, api.staging is not in example.com",
            "badexample.com, badexample.com is not in example.com",
            "'my host', 'my host' is not a DNS name",
    })
    void aNameOutsideTheZoneIsRefused(String given, String problem) {
        assertThat(problemsOf(record("A", given, "192.0.2.10"))).startsWith("DnsRecord.name: " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A|192.0.2.10|192.0.2.10",
            "AAAA|2001:DB8:0::10|2001:db8::10",
            "CNAME|WWW.Example.com.|www.example.com",
            "NS|ns1.example.net|ns1.example.net",
            "PTR|host.example.net|host.example.net",
            "TXT|  \"v=spf1 -all\"  |  \"v=spf1 -all\"  ",
    })
    void theContentIsSentAsCloudflareStoresIt(String type, String value, String content) throws Exception {
        DnsRecordRequest request = DnsRecordRequests.create(record(type, "name", value), ZONE);

        assertThat(request.content()).isEqualTo(content);
        assertThat(request.data()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AAAA|192.0.2.10|DnsRecord.value: must be an IPv6 address (e.g. 2001:db8::10), is '192.0.2.10'",
            "MX|mail server|DnsRecord.value: must be the host name of a mail server, is 'mail server'",
            "NS|-ns.example.net|DnsRecord.value: must be the host name of a name server, is '-ns.example.net'",
            "TXT| |DnsRecord.value: is required for type TXT: the record's text",
            "CNAME|www.example.com|DnsRecord.value: a CNAME record cannot point to its own name www.example.com",
    })
    void aContentThatDoesNotFitItsTypeIsRefused(String type, String value, String problem) {
        DnsRecord record = record(type, "www", value);
        record.setPriority(10L);

        assertThat(problemsOf(record)).isEqualTo(problem);
    }

    @Test
    void theTypeMustBeOneCloudflareTakes() {
        assertThat(problemsOf(record("SPF", "www", "x"))).startsWith("DnsRecord.recordType: must be one of A, AAAA, CAA,");
        assertThat(problemsOf(record(null, "www", "x"))).startsWith("DnsRecord.recordType: is required: one of A, AAAA");
    }

    @Test
    void theTtlIsAutomaticOrSixtySecondsToADay() throws Exception {
        DnsRecord record = record("A", "www", "192.0.2.10");
        for (long ttl : new long[] {1, 60, 86_400}) {
            record.setTtl(ttl);
            assertThat(DnsRecordRequests.create(record, ZONE).ttl()).isEqualTo((int) ttl);
        }
        for (long ttl : new long[] {0, 2, 59, 86_401}) {
            record.setTtl(ttl);
            assertThat(problemsOf(record)).isEqualTo("DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is " + ttl);
        }
    }

    @Test
    void thePriorityIsRequiredForMxSrvAndUriAndSentWhereCloudflareReadsIt() throws Exception {
        DnsRecord mx = record("MX", "@", "mail.example.com");
        mx.setPriority(70_000L);
        assertThat(problemsOf(mx)).isEqualTo("DnsRecord.priority: must be 0 to 65535, is 70000");
        mx.setPriority(10L);
        assertThat(DnsRecordRequests.create(mx, ZONE).priority()).isEqualTo(10);

        DnsRecord a = record("A", "www", "192.0.2.10");
        a.setPriority(10L);
        assertThat(DnsRecordRequests.create(a, ZONE).priority()).as("unused by A: not sent").isNull();

        DnsRecord uri = record("URI", "_ftp._tcp", null);
        uri.setData("{\"target\": \"ftp://ftp.example.com/\", \"weight\": 1}");
        assertThat(problemsOf(uri)).isEqualTo("DnsRecord.priority: is required for type URI: 0 to 65535, lower is preferred");
    }

    @Test
    void anSrvRecordCarriesItsPriorityInItsDataAndIsNamedForAService() throws Exception {
        DnsRecord srv = record("SRV", "_sip._tcp", null);
        srv.setPriority(10L);
        srv.setData("{\"port\": 5060, \"target\": \"sip.example.com\", \"weight\": 5}");

        DnsRecordRequest request = DnsRecordRequests.create(srv, ZONE);

        assertThat(request.data()).isEqualTo(Json.SNAKE_CASE.readTree("{\"port\": 5060, \"target\": \"sip.example.com\", \"weight\": 5, \"priority\": 10}"));
        assertThat(request.priority()).isNull();
        srv.setData("{\"port\": 5060, \"target\": \"sip.example.com\", \"weight\": 5, \"priority\": 20}");
        assertThat(problemsOf(srv)).isEqualTo("DnsRecord.data.priority: is 20 but priority is 10: give it once, in priority");
        srv.setName("sip");
        srv.setData("{\"port\": 5060, \"target\": \"sip.example.com\", \"weight\": 5}");
        assertThat(problemsOf(srv)).isEqualTo("DnsRecord.name: an SRV record is named _service._proto (e.g. _sip._tcp.example.com), is sip.example.com");
    }

    @Test
    void anSrvRecordAsCloudflareListsItCanBeSentBackWithoutItsDeprecatedFields() throws Exception {
        DnsRecord listed = record("SRV", "_sip._tcp.example.com", "10 5 5060 sip.example.com");
        listed.setPriority(10L);
        listed.setData("{\"service\": \"_sip\", \"proto\": \"_tcp\", \"name\": \"example.com\", \"priority\": 10,"
                + " \"weight\": 5, \"port\": 5060, \"target\": \"sip.example.com\"}");

        DnsRecordRequest request = DnsRecordRequests.create(listed, ZONE);

        assertThat(request.data()).isEqualTo(Json.SNAKE_CASE.readTree("{\"priority\": 10, \"weight\": 5, \"port\": 5060, \"target\": \"sip.example.com\"}"));
    }

    @Test
    void structuredDataIsCheckedFieldByField() {
        DnsRecord caa = record("CAA", "@", "ignored: Cloudflare formats it");
        caa.setData("{\"flags\": 256, \"tag\": \"issue\", \"vaule\": \"letsencrypt.org\"}");

        assertThat(problemsOf(caa)).isEqualTo("DnsRecord.data.vaule: is not a field of CAA data (flags, tag, value); "
                + "DnsRecord.data.flags: must be a whole number from 0 to 255, is 256; "
                + "DnsRecord.data.value: is required for type CAA: text");
    }

    @Test
    void locationDataTakesItsDirectionsAndDecimalSeconds() throws Exception {
        DnsRecord loc = record("LOC", "office", null);
        loc.setData("{\"altitude\": 12.5, \"lat_degrees\": 37, \"lat_direction\": \"X\", \"lat_seconds\": 46.5,"
                + " \"long_degrees\": 122, \"long_direction\": \"W\"}");
        assertThat(problemsOf(loc)).isEqualTo("DnsRecord.data.lat_direction: must be one of N, S, is \"X\"");

        loc.setData(loc.getData().replace("\"X\"", "\"N\""));
        assertThat(DnsRecordRequests.create(loc, ZONE).data().get("lat_seconds").asDouble()).isEqualTo(46.5);
    }

    @Test
    void dataThatIsNoJsonObjectIsRefused() {
        DnsRecord ds = record("DS", "sub", null);
        ds.setData("[1, 2]");
        assertThat(problemsOf(ds)).isEqualTo("DnsRecord.data: must be a JSON object with algorithm, digest, digest_type, key_tag for type DS");
        ds.setData("{algorithm: 13");
        assertThat(problemsOf(ds)).startsWith("DnsRecord.data: is not JSON: ");
    }

    @Test
    void onlyAddressesAndAliasesAreProxied() throws Exception {
        DnsRecord cname = record("CNAME", "shop", "www.example.com");
        assertThat(DnsRecordRequests.create(cname, ZONE).proxied()).isFalse();
        cname.setProxied(true);
        assertThat(DnsRecordRequests.create(cname, ZONE).proxied()).isTrue();
        DnsRecord mx = record("MX", "@", "mail.example.com");
        mx.setPriority(10L);
        assertThat(DnsRecordRequests.create(mx, ZONE).proxied()).as("not sent for other types").isNull();
    }

    @Test
    void tagsAreNameColonValue() throws Exception {
        DnsRecord a = record("A", "www", "192.0.2.10");
        a.setTags(List.of("team:web", "owner:dns-team", "important"));
        assertThat(DnsRecordRequests.create(a, ZONE).tags()).containsExactly("team:web", "owner:dns-team", "important");
        a.setTags(List.of("the team:web"));
        assertThat(problemsOf(a)).isEqualTo("DnsRecord.tags: 'the team:web' is not a tag: name:value, the name of letters, digits, _ and -");
    }

    @Test
    void anUpdateSendsOnlyWhatDiffersFromCloudflaresCopy() throws Exception {
        DnsRecord www = record("A", "www", "192.0.2.10");
        www.setTtl(300L);
        www.setComment("");
        DnsRecordRequest wanted = DnsRecordRequests.create(www, ZONE);
        CloudflareDnsRecord current = new CloudflareDnsRecord("rec-1", "A", "WWW.example.com", "192.0.2.10", null, 3600, null, false,
                true, false, "old note", List.of("team:web"), Instant.EPOCH, Instant.EPOCH);

        DnsRecordPatch patch = DnsRecordChanges.between(wanted, current);

        assertThat(patch).isEqualTo(new DnsRecordPatch(null, null, null, 300, null, null, "", List.of()));
        assertThat(patch.changedFields()).containsExactly("ttl", "comment", "tags");
        assertThat(Json.SNAKE_CASE.writeValueAsString(patch)).isEqualTo("{\"ttl\":300,\"comment\":\"\",\"tags\":[]}");
    }

    @Test
    void anIpv6OrHostNameWrittenDifferentlyIsNoChange() throws Exception {
        DnsRecordRequest aaaa = DnsRecordRequests.create(record("AAAA", "www", "2001:0DB8::0010"), ZONE);
        DnsRecordRequest cname = DnsRecordRequests.create(record("CNAME", "shop", "WWW.example.com."), ZONE);

        assertThat(DnsRecordChanges.between(aaaa, atCloudflare("AAAA", "www.example.com", "2001:db8::10", null, 1)).isEmpty()).isTrue();
        assertThat(DnsRecordChanges.between(cname, atCloudflare("CNAME", "shop.example.com", "www.example.com", null, 1)).isEmpty()).isTrue();
    }

    @Test
    void dataIsChangedWhenAFieldSentDiffers() throws Exception {
        DnsRecord srv = record("SRV", "_sip._tcp", null);
        srv.setPriority(10L);
        srv.setData("{\"port\": 5061, \"target\": \"sip.example.com\", \"weight\": 5}");
        JsonNode atCloudflare = Json.SNAKE_CASE.readTree("{\"priority\": 10.0, \"weight\": 5, \"port\": 5060, \"target\": \"SIP.example.com\"}");

        DnsRecordPatch patch = DnsRecordChanges.between(DnsRecordRequests.create(srv, ZONE),
                atCloudflare("SRV", "_sip._tcp.example.com", "10 5 5060 sip.example.com", atCloudflare, 1));

        assertThat(patch.changedFields()).containsExactly("data");
        assertThat(patch.data().get("port").asInt()).isEqualTo(5061);
    }

    @Test
    void theTypeCannotChangeNorCanALockedRecord() throws Exception {
        DnsRecordRequest aaaa = DnsRecordRequests.create(record("AAAA", "www", "2001:db8::10"), ZONE);
        CloudflareDnsRecord locked = new CloudflareDnsRecord("rec-1", "A", "www.example.com", "192.0.2.10", null, 1, null, false,
                true, true, null, List.of(), Instant.EPOCH, Instant.EPOCH);

        assertThatThrownBy(() -> DnsRecordChanges.between(aaaa, locked)).hasMessage("DnsRecord.recordType: cannot change once the"
                + " record exists at Cloudflare (it is A there, AAAA here): delete it and create a new one; "
                + "DnsRecord.isLocked: www.example.com is locked by Cloudflare, which refuses any change to it");
    }

    @Test
    void aRecordIsKnownByTypeNameAndContentBeforeItHasAnId() {
        DnsRecord byHand = record("AAAA", "WWW", "2001:DB8::10");

        assertThat(DnsRecordNames.identity(byHand, "example.com"))
                .isEqualTo(DnsRecordNames.identity(atCloudflare("AAAA", "www.example.com", "2001:db8::10", null, 1)))
                .isEqualTo("AAAA www.example.com 2001:db8::10");
        assertThat(DnsRecordNames.identity(record("SRV", "_sip._tcp", null), "example.com")).as("set by data: no identity").isNull();
    }
}
