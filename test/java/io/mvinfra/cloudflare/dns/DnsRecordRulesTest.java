package io.mvinfra.cloudflare.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meveo.api.exception.EntityDoesNotExistsException;
import org.meveo.api.persistence.CrossStorageApi;
import org.meveo.api.persistence.CrossStorageRequest;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.storage.Repository;
import org.meveo.service.script.Script;
import org.meveo.service.storage.RepositoryService;

/**
 * DnsRecord's rules as Meveo's save hook calls them ({@code crudEventListenerScript}): the record's domain read
 * through the storage API, a broken rule refusing the save with every problem named, a good record let through.
 */
class DnsRecordRulesTest {

    @Test
    void meveosPrePersistRefusesATtlOfThirtyAndAnMxWithoutPriorityNamingTheFields() throws Exception {
        List<String> found = new ArrayList<>();
        DnsRecord record = record("MX", "@", "mail.example.com", 30L);

        try (AutoCloseable beans = Script.bindBeans(type -> bean(type, found))) {
            assertThatThrownBy(() -> new DnsRecordRules().prePersist(record))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is 30; "
                            + "DnsRecord.priority: is required for type MX: 0 to 65535, lower is preferred");
        }
        assertThat(found).as("the zone was read through Meveo's storage API").containsExactly("zone-1");
    }

    @Test
    void meveosPreUpdateLetsAGoodRecordThrough() throws Exception {
        DnsRecord record = record("A", "www", "192.0.2.10", 300L);

        try (AutoCloseable beans = Script.bindBeans(type -> bean(type, new ArrayList<>()))) {
            assertThatCode(() -> new DnsRecordRules().preUpdate(record)).doesNotThrowAnyException();
        }
    }

    private static DnsRecord record(String type, String name, String value, Long ttl) {
        DomainName zone = new DomainName();
        zone.setUuid("zone-1");
        DnsRecord record = new DnsRecord();
        record.setDomainName(zone);
        record.setRecordType(type);
        record.setName(name);
        record.setValue(value);
        record.setTtl(ttl);
        return record;
    }

    private static Object bean(Class<?> type, List<String> found) {
        if (type == RepositoryService.class) {
            return new RepositoryService() {
                @Override
                public Repository findDefaultRepository() {
                    return new Repository("default");
                }
            };
        }
        return new CrossStorageApi() {
            @Override
            public <T> T find(Repository repository, String uuid, Class<T> cetClass) throws EntityDoesNotExistsException {
                found.add(uuid);
                DomainName zone = new DomainName();
                zone.setUuid(uuid);
                zone.setName("example.com");
                return cetClass.cast(zone);
            }

            @Override
            public <T> CrossStorageRequest<T> find(Repository repository, Class<T> cetClass) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String createOrUpdate(Repository repository, Object value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(Repository repository, String uuid, Class<?> cetClass) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(Repository repository, String uuid, String cetCode) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void meveosHookLetsAButtonWriteBackWhatCloudflareAnsweredEvenWhenAPressWouldRefuseIt() throws Exception {
        List<String> found = new ArrayList<>();
        DnsRecord enterprise = record("A", "www.example.com", "192.0.2.10", 30L);
        io.mvinfra.sync.ProviderCopy.record(enterprise, "Cloudflare");
        DnsRecord editedAfter = record("A", "www.example.com", "192.0.2.10", 30L);
        editedAfter.setProviderCopy(enterprise.getProviderCopy());
        editedAfter.setComment("typed by hand");

        try (AutoCloseable beans = Script.bindBeans(type -> bean(type, found))) {
            assertThatCode(() -> new DnsRecordRules().preUpdate(enterprise)).doesNotThrowAnyException();
            assertThatThrownBy(() -> new DnsRecordRules().preUpdate(editedAfter)).hasMessageStartingWith("DnsRecord.ttl:");
        }
        assertThat(found).as("only the edited record was checked").containsExactly("zone-1");
    }
}
