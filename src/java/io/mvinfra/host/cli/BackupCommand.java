package io.mvinfra.host.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.JobResult;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backup volume|restore|verify|list|prune}: the backup buttons and the retention job, pressed as the web admin
 * and {@code action run} press them (the same scripts, audited the same way); nothing of a backup is done here.
 */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Back Scaleway block volumes up into the backup store, restore and verify them.",
        subcommands = {BackupCommand.BackUp.class, BackupCommand.Restore.class, BackupCommand.Verify.class, BackupCommand.ListBackups.class,
                BackupCommand.Prune.class})
final class BackupCommand {

    static final String BACK_UP = "backUpScalewayVolume";
    static final String RESTORE = "restoreScalewayBackup";
    static final String VERIFY = "verifyScalewayBackup";
    static final String RETENTION_JOB = "backup-retention";

    private BackupCommand() {
    }

    /** What the three button commands share: the press, its progress on a terminal, its outcome as text or JSON and exit code. */
    abstract static class Press extends HostCommand {
        @Option(names = "--json", description = "Print the outcome as JSON")
        boolean json;
        @Option(names = "--user", description = "Who presses (default: the OS user)")
        String user;

        int press(Host h, String cet, String action, String uuid, Map<String, Object> parameters) {
            PressRequest press = new PressRequest(cet, action, uuid, user != null ? user : System.getProperty("user.name"), parameters);
            if (System.console() != null) {
                // someone watches a backup that may take an hour: each step and every 5 % of the stream, on stderr
                PrintWriter err = err();
                press = press.withProgress(line -> err.println(ProgressBar.render(line)));
            }
            PressResult result = h.actions().press(press);
            return PressOutcome.report(result, json, uuid == null ? Map.of() : Map.of("uuid", uuid), out(), err());
        }
    }

    @Command(name = "volume", mixinStandardHelpOptions = true, description = "Back a volume up now (its \"Back up now\" button).")
    static final class BackUp extends Press {
        @Parameters(index = "0", description = "The Volume: uuid or name")
        String volume;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                return press(h, "Volume", BACK_UP, new References(h).uuid("Volume", volume), Map.of());
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Restore a backup to a new volume (its \"Restore to a new volume\" button).")
    static final class Restore extends Press {
        @Parameters(index = "0", description = "The Backup's uuid")
        String backup;
        @Option(names = "--zone", description = "Zone of the new volume (default: the backed-up volume's)")
        String zone;
        @Option(names = "--name", required = true, description = "Name of the new volume")
        String name;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("name", name);
                if (zone != null) {
                    parameters.put("zone", zone);
                }
                return press(h, "Backup", RESTORE, new References(h).uuid("Backup", backup), parameters);
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Re-read every chunk of a backup and check every hash and its digest.")
    static final class Verify extends Press {
        @Parameters(index = "0", description = "The Backup's uuid")
        String backup;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                return press(h, "Backup", VERIFY, new References(h).uuid("Backup", backup), Map.of());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the backups, oldest first.")
    static final class ListBackups extends HostCommand {
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Host h = host.openToRead()) {
                List<StoredEntity> backups = h.store().findBy("Backup", Map.of());
                if (json) {
                    Output.json(out(), backups.stream().map(Output::entityJson).toList());
                    return Main.OK;
                }
                Map<String, String> volumeNames = new LinkedHashMap<>();
                h.store().findBy("Volume", Map.of()).forEach(v -> volumeNames.put(v.uuid(), String.valueOf(v.value("name"))));
                List<List<String>> rows = new ArrayList<>();
                for (StoredEntity b : backups) {
                    Object volume = b.value("volume");
                    rows.add(List.of(b.uuid(), volume == null ? "" : volumeNames.getOrDefault(volume.toString(), volume.toString()),
                            text(b.value("state")), text(b.value("step")), text(b.value("creationDate")), text(b.value("sizeBytes")),
                            text(b.value("storedBytes")), text(b.value("verification"))));
                }
                Output.table(out(), List.of("uuid", "volume", "state", "step", "started", "image bytes", "added bytes", "verified"), rows);
                return Main.OK;
            }
        }

        private static String text(Object value) {
            return value == null ? "" : Output.text(value);
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Apply the retention now and prune the stores (the backup-retention job).")
    static final class Prune extends HostCommand {
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                JobResult run = h.jobs().run(RETENTION_JOB, System.getProperty("user.name"), Map.of());
                if (json) {
                    Output.json(out(), run);
                } else {
                    out().printf("%s: %s%n", run.outcome(), run.report() == null ? "" : run.report());
                }
                return run.succeeded() ? Main.OK : Main.FAILED;
            }
        }
    }
}
