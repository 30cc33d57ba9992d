package io.mvinfra.cloudflare.dns;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.meveo.admin.exception.BusinessException;

import io.mvinfra.validation.Violations;

/** What an update sends: the fields an operator changed, compared with Cloudflare's copy of the record. */
public final class DnsRecordChanges {

    private DnsRecordChanges() {
    }

    /**
     * What the operator changed: the fields where {@code wanted} (the entity, as {@link DnsRecordRequests#create} checked it) differs
     * from {@code current}, Cloudflare's copy. The type cannot change, nor can a record Cloudflare locked.
     */
    public static DnsRecordPatch between(DnsRecordRequest wanted, CloudflareDnsRecord current) throws BusinessException {
        Violations problems = new Violations("DnsRecord");
        if (!wanted.type().equals(current.type())) {
            problems.add("recordType", "cannot change once the record exists at Cloudflare (it is " + current.type()
                    + " there, " + wanted.type() + " here): delete it and create a new one");
        }
        if (Boolean.TRUE.equals(current.locked())) {
            problems.add("isLocked", current.name() + " is locked by Cloudflare, which refuses any change to it");
        }
        problems.throwIfAny();
        return new DnsRecordPatch(
                current.hasName(wanted.name()) ? null : wanted.name(),
                wanted.content() == null || current.hasContent(wanted.content()) ? null : wanted.content(),
                wanted.data() == null || current.hasData(wanted.data()) ? null : wanted.data(),
                wanted.ttl() == null || wanted.ttl().equals(current.ttl()) ? null : wanted.ttl(),
                wanted.priority() == null || wanted.priority().equals(current.priority()) ? null : wanted.priority(),
                wanted.proxied() == null || wanted.proxied().equals(Boolean.TRUE.equals(current.proxied())) ? null : wanted.proxied(),
                Objects.equals(wanted.comment(), blankToNull(current.comment())) ? null
                        : Objects.requireNonNullElse(wanted.comment(), ""),
                sameTags(wanted.tags(), current.tags()) ? null : Objects.requireNonNullElse(wanted.tags(), List.of()));
    }

    private static boolean sameTags(List<String> a, List<String> b) {
        List<String> x = a == null ? List.of() : a;
        List<String> y = b == null ? List.of() : b;
        return x.size() == y.size() && new HashSet<>(x).equals(new HashSet<>(y));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
