package io.mvinfra.openstack;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.compute.ServerStates;
import io.mvinfra.openstack.image.GlanceImage;
import io.mvinfra.openstack.image.ImageMapper;

/**
 * Server → "Create image": Nova's {@code createImage}, the Glance image it names recorded at once as an Image entity
 * (saved durably, so a failed wait still leaves it found), then waited for until Glance says {@code active}
 * ({@code killed} fails), and the server until no task runs on it. Parameter {@code imageName}; else the Server's {@code backupName}; else the server's name
 * with the time. Recorded as a ServerAction.
 */
public class CreateServerImage extends OpenStackButton {

    public static final String IMAGE_NAME = "imageName";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = name(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "create it first");
        String imageName = imageName(ctx, server);
        if (imageName.length() > 255) {
            throw new BusinessException(IMAGE_NAME + ": is " + imageName.length() + " characters long; Glance takes at most 255");
        }
        OpenStackClient openstack = openstack(server);
        ServerClient servers = openstack.servers();
        ProviderCall<String> call = servers.createImage(id, imageName);
        if (dryRun(ctx)) {
            describeDryRun(ctx, call);
            return;
        }
        Image image = new Image();
        GlanceImage active = recorded(ctx, server, "createImage", action -> {
            String imageId = call.send();
            if (imageId == null || imageId.isBlank()) {
                throw ProviderException.withoutAnswer("nova", ProviderException.Kind.CONFLICT,
                        name + ": Nova accepted createImage but named no image", null);
            }
            image.setProvider(new ServiceProvider(server.getProvider().getUuid()));
            image.setName(imageName);
            image.setFromServer(id);
            image.setProviderSideId(imageId);
            image.setState("queued");
            image.setMissingAtProvider(Boolean.FALSE);
            image.setUuid(saveDurably(image));   // Glance has the image now: whatever follows, it is found here
            action.sent(imageId, "image " + imageId + " started by Nova");
            GlanceImage ready = openstack.images().awaitActive(imageId, "image " + imageName, HttpRuntime.shared().time(),
                    ServerStates.DEADLINE, p -> action.progress("image " + p.state() + " after " + p.elapsed().toSeconds() + " s", null));
            // Glance active is the image done; the server is done once Nova has cleared its image_uploading task
            states(servers).awaitNoTask(id, name, looks(action));
            action.succeeded("image " + ready.status());
            return ready;
        });
        ImageMapper.copy(image, active);
        save(image);
        message(ctx, "%s: image %s created (Glance id %s), %s%s", name, imageName, active.id(), active.status(),
                active.size() == null ? "" : ", " + active.size() + " bytes");
    }

    private static String imageName(Map<String, Object> ctx, Server server) {
        String given = parameter(ctx, IMAGE_NAME);
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (server.getBackupName() != null && !server.getBackupName().isBlank()) {
            return server.getBackupName().strip();
        }
        String base = server.getInstanceName() == null || server.getInstanceName().isBlank() ? "server" : server.getInstanceName().strip();
        return base + "-" + STAMP.format(HttpRuntime.shared().time().now());
    }
}
