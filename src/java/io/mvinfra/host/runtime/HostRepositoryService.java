package io.mvinfra.host.runtime;

import org.meveo.model.storage.Repository;
import org.meveo.service.storage.RepositoryService;

/** The host has one storage repository. */
public final class HostRepositoryService extends RepositoryService {
    private static final Repository DEFAULT = new Repository("default");

    @Override
    public Repository findDefaultRepository() {
        return DEFAULT;
    }
}
