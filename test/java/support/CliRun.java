package support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.mvinfra.host.cli.Main;
import picocli.CommandLine;

/** One command through the CLI's own entry point, on a data directory and a module: its exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {

    public static CliRun on(Path home, Path module, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home=" + home);
        all.add("--module=" + module);
        CommandLine cli = Main.commandLine(args);   // as main() builds it: only the command's own tree
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    public List<String> lines() {
        return out.lines().toList();
    }
}
