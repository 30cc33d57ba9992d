package io.mvinfra.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ProgressBar}: a share gets a bar, anything else shows as it is. */
class ProgressBarTest {

    @Test
    void aShareOfAStreamGetsABar() {
        assertThat(ProgressBar.render("ingest: 12.0 MiB of 40.0 MiB (30 %)")).isEqualTo("[######··············]  30 % ingest: 12.0 MiB of 40.0 MiB");
        assertThat(ProgressBar.render("upload: 40.0 MiB of 40.0 MiB (100 %)")).isEqualTo("[####################] 100 % upload: 40.0 MiB of 40.0 MiB");
    }

    @Test
    void aStepOrAWaitShowsAsItIs() {
        assertThat(ProgressBar.render("snapshot the volume")).isEqualTo("… snapshot the volume");
        assertThat(ProgressBar.render("snapshot mv-infra-backup-1: creating after 4 s")).isEqualTo("… snapshot mv-infra-backup-1: creating after 4 s");
    }
}
