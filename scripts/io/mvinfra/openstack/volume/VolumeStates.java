package io.mvinfra.openstack.volume;

import java.time.Duration;
import java.util.function.Consumer;

import io.mvinfra.http.ProviderException;
import io.mvinfra.http.StateWait;
import io.mvinfra.http.TimeSource;

/**
 * Waits for a Cinder volume (or snapshot) to get where a press leads, polling it: a status, a size reached, or its
 * absence after a delete. Statuses from which the wanted one will not come end the wait at once.
 */
public final class VolumeStates {

    /** A create or an extend on a busy backend copies or allocates; ten minutes, as openstacksdk's default wait. */
    public static final Duration DEADLINE = Duration.ofMinutes(10);
    static final String GONE = "gone";

    private final VolumeClient volumes;
    private final TimeSource time;

    public VolumeStates(VolumeClient volumes, TimeSource time) {
        this.volumes = volumes;
        this.time = time;
    }

    /**
     * Waits until the volume is {@code wanted}, and answers it as it then is.
     *
     * @param failingOn statuses that say the press did not happen ({@code error}, {@code error_extending}, or
     *                  {@code available} after an attach Nova rolled back)
     */
    public CinderVolume await(String id, String name, String wanted, Consumer<StateWait.Progress<String>> progress, String... failingOn) {
        return await(id, name, wanted, 0, progress, failingOn);
    }

    /** As {@link #await}, and at least {@code minSize} GiB: an extend is done when the volume is available at its new size. */
    public CinderVolume await(String id, String name, String wanted, int minSize, Consumer<StateWait.Progress<String>> progress,
                              String... failingOn) {
        CinderVolume[] last = new CinderVolume[1];
        StateWait.of("cinder", name, time, () -> {
                    last[0] = volumes.get(id);
                    String status = last[0].status();
                    return wanted.equals(status) && last[0].size() != null && last[0].size() < minSize
                            ? status + " at " + last[0].size() + " GiB" : status;
                })
                .until(wanted)
                .failingOn(failingOn)
                .within(DEADLINE)
                .onProgress(progress)
                .await();
        return last[0];
    }

    /** Waits until Cinder no longer has the volume (404). */
    public void awaitGone(String id, String name, Consumer<StateWait.Progress<String>> progress) {
        StateWait.of("cinder", name, time, () -> {
                    try {
                        return volumes.get(id).status();
                    } catch (ProviderException e) {
                        if (e.is(ProviderException.Kind.NOT_FOUND)) {
                            return GONE;
                        }
                        throw e;
                    }
                })
                .until(GONE)
                .failingOn("error_deleting")
                .within(DEADLINE)
                .onProgress(progress)
                .await();
    }

    /** Waits until the snapshot is available, failing on {@code error}. */
    public CinderSnapshot awaitSnapshot(String id, String name, Consumer<StateWait.Progress<String>> progress) {
        CinderSnapshot[] last = new CinderSnapshot[1];
        StateWait.of("cinder", name, time, () -> {
                    last[0] = volumes.getSnapshot(id);
                    return last[0].status();
                })
                .until("available")
                .failingOn("error")
                .within(DEADLINE)
                .onProgress(progress)
                .await();
        return last[0];
    }
}
