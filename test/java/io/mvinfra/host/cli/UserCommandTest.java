package io.mvinfra.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code mv-infra user ...}: the users the web admin logs in with when it listens beyond loopback. */
class UserCommandTest {
    private static final Path PROJECT = Path.of(System.getProperty("mvinfra.projectDir", "."));
    private final InputStream stdin = System.in;

    @TempDir
    Path home;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    record Run(int code, String out, String err) {
    }

    private Run run(String stdinText, String... args) {
        System.setIn(new ByteArrayInputStream(stdinText.getBytes(StandardCharsets.UTF_8)));
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--home";
        all[args.length + 1] = home.toString();
        all[args.length + 2] = "--module";
        all[args.length + 3] = PROJECT.toString();
        int code = cli.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void addsAUserWithThePasswordReadFromStdinAndListsItWithoutTheHash() {
        Run added = run("a long enough password\n", "user", "add", "alice");
        Run listed = run("", "user", "list", "--json");

        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("user alice added");
        assertThat(listed.out()).contains("\"name\" : \"alice\"").doesNotContain("pbkdf2").doesNotContain("a long enough password");
    }

    @Test
    void refusesAShortPasswordADuplicateAndAnUnknownUser() {
        run("a long enough password\n", "user", "add", "bob");

        Run shortPassword = run("short\n", "user", "add", "carol");
        Run duplicate = run("another long password\n", "user", "add", "bob");
        Run unknown = run("", "user", "remove", "nobody");
        Run badName = run("a long enough password\n", "user", "add", "no spaces");

        assertThat(shortPassword.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(shortPassword.err()).contains("at least 12 characters");
        assertThat(duplicate.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(duplicate.err()).contains("already exists");
        assertThat(unknown.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(badName.code()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void changesAPasswordAndRemovesAUser() {
        run("first long password\n", "user", "add", "dave");

        Run changed = run("second long password\n", "user", "passwd", "dave");
        Run removed = run("", "user", "remove", "dave");
        Run listed = run("", "user", "list");

        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(removed.code()).isZero();
        assertThat(listed.out()).doesNotContain("dave");
    }
}
