package org.meveo.service.storage;

import org.meveo.model.storage.Repository;

public abstract class RepositoryService {
    public abstract Repository findDefaultRepository();
}
