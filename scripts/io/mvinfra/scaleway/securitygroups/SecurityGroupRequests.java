package io.mvinfra.scaleway.securitygroups;

import java.util.List;
import java.util.Locale;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;

import io.mvinfra.validation.Violations;

/**
 * A SecurityGroup checked, then turned into what the Instance API takes, before anything is sent: every problem at
 * once, each naming its field. Where the entity says nothing, the spec's defaults: not the project's default group,
 * stateless, inbound and outbound traffic accepted.
 */
public final class SecurityGroupRequests {

    /** {@code inbound_default_policy} and {@code outbound_default_policy} in scaleway-instance.yaml. */
    static final List<String> POLICIES = List.of("accept", "drop");
    static final String DEFAULT_POLICY = "accept";

    private SecurityGroupRequests() {
    }

    /** @param defaultProject the credential's project, where the group goes when the entity names none (may be null) */
    public static CreateSecurityGroupRequest create(SecurityGroup group, String defaultProject) throws BusinessException {
        Violations problems = new Violations("SecurityGroup");
        Checked checked = check(group, problems);
        String project = blankToNull(group.getProject()) != null ? group.getProject().strip() : defaultProject;
        if (project == null) {
            problems.add("project", "is empty and the provider's credential has no projectId: Scaleway creates a group in a project");
        }
        problems.throwIfAny();
        return new CreateSecurityGroupRequest(checked.name, blankToNull(group.getDescription()), project,
                checked.tags.isEmpty() ? null : checked.tags, checked.projectDefault, checked.stateful, checked.inbound,
                checked.outbound);
    }

    /** What an update sets, checked before anything is read or sent; {@link Settings#over} then builds the whole group. */
    public static Settings update(SecurityGroup group) throws BusinessException {
        Violations problems = new Violations("SecurityGroup");
        Checked checked = check(group, problems);
        problems.throwIfAny();
        return new Settings(checked, group.getDescription() == null ? "" : group.getDescription());
    }

    /** The settings of an update, checked. */
    public static final class Settings {
        private final Checked checked;
        private final String description;

        private Settings(Checked checked, String description) {
            this.checked = checked;
            this.description = description;
        }

        /**
         * The group as it should be once updated: these settings over what Scaleway has of it now ({@code current}),
         * since the update replaces the whole group.
         */
        public SetSecurityGroupRequest over(ScalewaySecurityGroup current) {
            return new SetSecurityGroupRequest(checked.name, description, checked.tags, current.enableDefaultSecurity(),
                    checked.inbound, checked.outbound, current.organization(), current.project(), checked.projectDefault,
                    current.servers(), checked.stateful);
        }
    }

    private record Checked(String name, List<String> tags, boolean projectDefault, boolean stateful, String inbound,
                           String outbound) {
    }

    private static Checked check(SecurityGroup group, Violations problems) {
        String name = blankToNull(group.getName());
        if (name == null) {
            problems.add("name", "is required");
        }
        List<String> tags = group.getTags() == null ? List.of()
                : group.getTags().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        return new Checked(name == null ? null : name.strip(), tags, Boolean.TRUE.equals(group.getProjectDefault()),
                Boolean.TRUE.equals(group.getStateful()), policy("inboundDefaultPolicy", group.getInboundDefaultPolicy(), problems),
                policy("outboundDefaultPolicy", group.getOutboundDefaultPolicy(), problems));
    }

    private static String policy(String field, String value, Violations problems) {
        if (blankToNull(value) == null) {
            return DEFAULT_POLICY;
        }
        String policy = value.strip().toLowerCase(Locale.ROOT);
        if (!POLICIES.contains(policy)) {
            problems.add(field, "must be accept or drop, is " + value);
            return null;
        }
        return policy;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
