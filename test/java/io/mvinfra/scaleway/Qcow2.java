package io.mvinfra.scaleway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import support.LocalServices;

/** Real QCOW2 images, made and written by Debian's qemu-utils ({@code qemu-img}, {@code qemu-io}), and compared by them. */
final class Qcow2 {

    private Qcow2() {
    }

    /** Skips the test when qemu-utils is absent (.ci/run installs it, and with MVINFRA_REQUIRE_SERVICES=1 fails it). */
    static void assumeInstalled() {
        LocalServices.require(Files.isExecutable(Path.of("/usr/bin/qemu-img")) && Files.isExecutable(Path.of("/usr/bin/qemu-io")),
                "qemu-utils (qemu-img, qemu-io) is not installed");
    }

    static Path create(Path file, long virtualBytes) throws IOException, InterruptedException {
        run(List.of("qemu-img", "create", "-q", "-f", "qcow2", file.toString(), String.valueOf(virtualBytes)));
        return file;
    }

    /** Writes {@code length} random bytes (seeded) at {@code offset} of the guest disk, through qemu-io. */
    static void writeRandom(Path image, long offset, int length, long seed) throws IOException, InterruptedException {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        Path source = Files.createTempFile(image.getParent(), "data", ".bin");
        try {
            Files.write(source, data);
            run(List.of("qemu-io", "-f", "qcow2", "-c", "write -q -s " + source + " " + offset + " " + length, image.toString()));
        } finally {
            Files.delete(source);
        }
    }

    /** Writes {@code length} bytes of a pattern (highly compressible) at {@code offset}. */
    static void writePattern(Path image, long offset, int length, int pattern) throws IOException, InterruptedException {
        run(List.of("qemu-io", "-f", "qcow2", "-c", "write -q -P " + pattern + " " + offset + " " + length, image.toString()));
    }

    /** {@code qemu-img compare}'s exit code: 0 the guest contents are identical, 1 they differ. */
    static int compare(Path a, Path b) throws IOException, InterruptedException {
        return run(List.of("qemu-img", "compare", "-q", "-f", "qcow2", "-F", "qcow2", a.toString(), b.toString()), true);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        run(command, false);
    }

    private static int run(List<String> command, boolean exitCodeIsTheAnswer) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end within 60 s");
        }
        if (!exitCodeIsTheAnswer && process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output);
        }
        return process.exitValue();
    }
}
