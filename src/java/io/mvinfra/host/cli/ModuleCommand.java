package io.mvinfra.host.cli;

import java.io.PrintWriter;

import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.Module;
import picocli.CommandLine.Command;

@Command(name = "module", mixinStandardHelpOptions = true, description = "The module's descriptors.",
        subcommands = ModuleCommand.Check.class)
final class ModuleCommand {

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Validate every descriptor and print what was loaded.")
    static final class Check extends HostCommand {

        @Override
        public Integer call() {
            Module module = Host.loadModule(host.settings());
            PrintWriter out = out();
            out.printf("module %s %s (%s): %d entities, %d fields, %d buttons, %d jobs%n", module.code(), module.version(), module.location(),
                    module.entities().size(), module.fieldCount(), module.actionCount(), module.jobs().size());
            for (EntityTemplate e : module.entities().values()) {
                out.printf("  %-16s %3d fields  buttons: %s%n", e.code(), e.fields().size(),
                        String.join(", ", module.actionsOf(e.code()).stream().map(a -> a.code()).toList()));
            }
            module.jobs().values().forEach(j -> out.printf("  job %s: %s on %s%n", j.code(), j.script(),
                    j.timerCode() == null ? "demand" : module.timers().get(j.timerCode()).cron()));
            return Main.OK;
        }
    }
}
