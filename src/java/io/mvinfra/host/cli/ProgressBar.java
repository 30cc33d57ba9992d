package io.mvinfra.host.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A press's progress line as a terminal shows it: a line that ends in a share ({@code ingest: 12.0 MiB of 40.0 MiB
 * (30 %)}) gets a bar in front, {@code [######··············]  30 % ingest: …}; any other line is shown as it is.
 */
final class ProgressBar {

    private static final Pattern SHARE = Pattern.compile("\\((\\d{1,3}) %\\)$");
    private static final int WIDTH = 20;

    private ProgressBar() {
    }

    static String render(String line) {
        Matcher share = SHARE.matcher(line);
        if (!share.find()) {
            return "… " + line;
        }
        int percent = Math.min(100, Integer.parseInt(share.group(1)));
        int filled = percent * WIDTH / 100;
        return "[" + "#".repeat(filled) + "·".repeat(WIDTH - filled) + "] " + String.format("%3d %%", percent) + " "
                + line.substring(0, share.start()).strip();
    }
}
