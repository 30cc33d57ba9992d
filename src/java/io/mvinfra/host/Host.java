package io.mvinfra.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.host.module.CompactModule;
import io.mvinfra.host.module.Module;
import io.mvinfra.host.module.ModuleLoader;
import io.mvinfra.host.module.ModuleLocation;
import io.mvinfra.host.runtime.ActionRunner;
import io.mvinfra.host.runtime.AuditTrail;
import io.mvinfra.host.runtime.JobRunner;
import io.mvinfra.host.runtime.EntityRulesCheck;
import io.mvinfra.host.runtime.ScriptInvoker;
import io.mvinfra.host.runtime.SharedRateLimits;
import io.mvinfra.host.scheduler.HostScheduler;
import io.mvinfra.host.store.Database;
import io.mvinfra.host.store.DatabaseSettings;
import io.mvinfra.host.store.EntityStore;
import io.mvinfra.host.store.SecretCipher;
import io.mvinfra.http.HttpRuntime;

/**
 * The stand-alone host: plays Meveo's part for the module. Loads and validates the descriptors first (a
 * broken module never half-starts), then opens the store and wires the runners.
 */
public final class Host implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Host.class);

    /** The host a {@link #lease()} was taken from (its runners, its scheduler, its close); null for the host itself. */
    private final Host owner;
    private final HostSettings settings;
    private final Module module;
    private final Database database;
    private final EntityStore store;
    private final AuditTrail audit;
    private ActionRunner actions;
    private JobRunner jobs;
    private HostScheduler scheduler;
    private SharedRateLimits sharedRateLimits;

    private Host(HostSettings settings, Module module, Database database, SecretCipher cipher) {
        this.owner = null;
        this.settings = settings;
        this.module = module;
        this.database = database;
        this.store = new EntityStore(database, module, cipher, new EntityRulesCheck());
        List<String> reindexed = store.alignIndex();
        if (!reindexed.isEmpty()) {
            log.debug("index rebuilt for {}", reindexed);
        }
        this.audit = new AuditTrail(database);
        if (settings.database().isPostgres()) {
            // hosts on one PostgreSQL share each credential's budget at the provider, not only its entities
            sharedRateLimits = new SharedRateLimits(settings.database());
            HttpRuntime.shareSlotsOfShared(sharedRateLimits);
        }
    }

    private Host(Host owner) {
        this.owner = owner;
        this.settings = owner.settings;
        this.module = owner.module;
        this.database = owner.database;
        this.store = owner.store;
        this.audit = owner.audit;
    }

    /**
     * This open host for one more user (a command handed over from a CLI process) whose {@code close} leaves it open:
     * the same store, runners and one-press-per-entity rule as every other caller of this host.
     */
    public Host lease() {
        return new Host(owner != null ? owner : this);
    }

    /** A long-running host (`serve`, tests): a connection pool. */
    public static Host open(HostSettings settings) {
        return open(settings, Database::pooled, loadModule(settings));
    }

    /** For one CLI command: plain connections, and the runners (EL, scripts) only if the command presses or runs. */
    public static Host openForCommand(HostSettings settings) {
        return open(settings, Database::plain, moduleForCommand(settings));
    }

    private static Host open(HostSettings settings, Function<DatabaseSettings, Database> connect, Module module) {
        SecretCipher cipher = SecretCipher.load(settings.home(), settings.secretKey());
        return new Host(settings, module, connect.apply(settings.database()), cipher);
    }

    /** Every descriptor read and validated (`serve`, `module check`): a broken module is refused whole. */
    public static Module loadModule(HostSettings settings) {
        return new ModuleLoader(Host.class.getClassLoader()).read(ModuleLocation.resolve(settings.moduleDir()));
    }

    /**
     * For a one-shot command: the compact copy the build validated and pre-parsed (see {@link CompactModule}) when it is
     * the module asked for (the bundled one, or a directory holding exactly the descriptors it was built from), else
     * the descriptors read and validated as {@link #loadModule} does.
     */
    public static Module moduleForCommand(HostSettings settings) {
        Path dir = ModuleLocation.resolveDirectory(settings.moduleDir());
        Module compact = dir == null ? CompactModule.bundled(ModuleLocation.BUNDLED) : CompactModule.forDirectory(dir);
        return compact != null ? compact : loadModule(settings);
    }

    public synchronized HostScheduler startScheduler() {
        if (owner != null) {
            return owner.startScheduler();
        }
        if (scheduler == null) {
            scheduler = new HostScheduler(database, module, jobs(), settings.schedulerPolling());
            scheduler.start();
        }
        return scheduler;
    }

    public void logLoaded() {
        log.info("module {} {} loaded from {}: {} entities, {} fields, {} buttons, {} jobs", module.code(), module.version(), module.location(),
                module.entities().size(), module.fieldCount(), module.actionCount(), module.jobs().size());
        module.entities().keySet().forEach(cet -> log.info("  entity {}: buttons {}", cet,
                module.actionsOf(cet).stream().map(a -> a.code()).toList()));
        log.info("database: {}", settings.database().jdbcUrl());
    }

    public HostSettings settings() {
        return settings;
    }

    public Module module() {
        return module;
    }

    public Database database() {
        return database;
    }

    public EntityStore store() {
        return store;
    }

    public AuditTrail audit() {
        return audit;
    }

    public synchronized ActionRunner actions() {
        if (owner != null) {
            return owner.actions();
        }
        if (actions == null) {
            actions = new ActionRunner(module, store, invoker(), audit);
        }
        return actions;
    }

    public synchronized JobRunner jobs() {
        if (owner != null) {
            return owner.jobs();
        }
        if (jobs == null) {
            jobs = new JobRunner(module, database, invoker());
        }
        return jobs;
    }

    private ScriptInvoker invoker() {
        return new ScriptInvoker(store, Host.class.getClassLoader(), Map.of());
    }

    @Override
    public void close() {
        if (owner != null) {
            return;
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (sharedRateLimits != null) {
            HttpRuntime.shareSlotsOfShared(null);
            sharedRateLimits.close();
        }
        database.close();
    }
}
