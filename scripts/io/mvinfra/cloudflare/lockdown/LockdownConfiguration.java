package io.mvinfra.cloudflare.lockdown;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One allowed source of a Zone Lockdown rule: an address ({@code ip}) or a CIDR range ({@code ip_range}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LockdownConfiguration(String target, String value) {

    public static final String IP = "ip";
    public static final String IP_RANGE = "ip_range";

    public static LockdownConfiguration ip(String address) {
        return new LockdownConfiguration(IP, address);
    }

    public static LockdownConfiguration ipRange(String range) {
        return new LockdownConfiguration(IP_RANGE, range);
    }
}
