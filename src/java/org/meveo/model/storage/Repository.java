package org.meveo.model.storage;

/** A storage repository; the host has one, "default". */
public class Repository {
    private String code;

    public Repository() {
    }

    public Repository(String code) {
        this.code = code;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    @Override
    public String toString() {
        return "Repository[" + code + "]";
    }
}
