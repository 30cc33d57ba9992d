package io.mvinfra.scaleway.backups;

import java.util.Objects;
import java.util.function.Supplier;

import io.mvinfra.backup.store.StoreKey;

/**
 * Where the backup buttons and job get the store's key: {@link StoreKey#fromEnvironment()} (the passphrase or key
 * file of the process, never an entity's field). A test, like {@code HttpRuntime.useShared}, puts its own in place.
 */
public final class StoreKeys {

    private static Supplier<StoreKey> source = StoreKey::fromEnvironment;

    private StoreKeys() {
    }

    /** The key now; without one configured, an {@code IllegalStateException} naming the two variables. */
    public static synchronized StoreKey current() {
        return source.get();
    }

    /** Puts {@code next} in place and answers the one it replaces. */
    public static synchronized Supplier<StoreKey> use(Supplier<StoreKey> next) {
        Supplier<StoreKey> previous = source;
        source = Objects.requireNonNull(next, "next");
        return previous;
    }
}
