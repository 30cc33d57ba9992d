package io.mvinfra.scaleway.userdata;

import org.meveo.model.customEntities.ServerUserData;

import io.mvinfra.sync.FieldChanges;

/** A server's user-data value written into its ServerUserData entity; says whether anything changed. */
public final class UserDataMapper {

    private UserDataMapper() {
    }

    public static boolean copy(ServerUserData data, UserDataClient.Value value, String zone) {
        return new FieldChanges()
                .set(data.getName(), value.key(), data::setName)
                .text(data.getContent(), value.content(), data::setContent)
                .set(data.getContentType(), value.contentType(), data::setContentType)
                .set(data.getZone(), zone, data::setZone)
                .set(data.getMissingAtProvider(), Boolean.FALSE, data::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(ServerUserData data) {
        return FieldChanges.markMissing(data.getMissingAtProvider(), data::setMissingAtProvider);
    }
}
