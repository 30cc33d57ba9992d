package io.mvinfra.scaleway.securitygroups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A rule of a security group as the Instance API answers it ({@code scaleway.instance.v1.SecurityGroupRule}).
 *
 * @param destPortTo null for a single port (then {@code destPortFrom} alone), as for no port at all
 * @param editable   false for the rules Scaleway puts in every group itself (SMTP blocked): they cannot change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScalewaySecurityRule(String id, String protocol, String direction, String action, String ipRange,
                                   Integer destPortFrom, Integer destPortTo, Integer position, Boolean editable, String zone) {

    public boolean isEditable() {
        return !Boolean.FALSE.equals(editable);
    }
}
