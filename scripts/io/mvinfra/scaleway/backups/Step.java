package io.mvinfra.scaleway.backups;

/** The steps of a backup and of a restore, as the Backup's {@code step} field and the messages name them. */
public enum Step {
    OPEN_STORE("open-store", "open the backup store"),
    SNAPSHOT("snapshot", "snapshot the volume"),
    WAIT_SNAPSHOT("wait-snapshot", "wait for the snapshot"),
    EXPORT("export", "export the snapshot to Object Storage"),
    WAIT_EXPORT("wait-export", "wait for the exported object"),
    INGEST("ingest", "ingest the image into the store"),
    CLEANUP("cleanup", "delete the staging object and the snapshot"),
    UPLOAD("upload", "upload the image from the store to the staging bucket"),
    IMPORT("import", "import the image as a snapshot"),
    WAIT_IMPORT("wait-import", "wait for the imported snapshot"),
    CREATE_VOLUME("create-volume", "create the volume from the snapshot"),
    WAIT_VOLUME("wait-volume", "wait for the new volume");

    private final String code;
    private final String words;

    Step(String code, String words) {
        this.code = code;
        this.words = words;
    }

    /** The value of the Backup's {@code step} list field. */
    public String code() {
        return code;
    }

    public String words() {
        return words;
    }
}
