package io.mvinfra.backup.store;

import java.io.IOException;

/** A stored object that cannot be what it claims: it fails authentication, or its content does not match its name. */
class BrokenObjectException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String name;

    BrokenObjectException(String name, String why) {
        super(name + " " + why);
        this.name = name;
    }

    String name() {
        return name;
    }
}
