package io.mvinfra.host.module;

public enum StorageType {
    SINGLE, LIST, MAP
}
