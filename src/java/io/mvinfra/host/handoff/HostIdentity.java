package io.mvinfra.host.handoff;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.mvinfra.host.HostSettings;
import io.mvinfra.host.module.ModuleLocation;

/**
 * Which host a set of settings opens, as a digest: its data directory, its database and its module. A command hands
 * itself to a serve only when both name the same host; the digest keeps a database URL's password out of the file.
 */
public final class HostIdentity {
    private HostIdentity() {
    }

    public static String of(HostSettings settings) {
        Path module = ModuleLocation.resolveDirectory(settings.moduleDir());
        String named = settings.home().toAbsolutePath().normalize() + "\n" + settings.database().jdbcUrl() + "\n" + settings.database().user()
                + "\n" + (module == null ? ModuleLocation.BUNDLED : module.toAbsolutePath().normalize());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(named.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
