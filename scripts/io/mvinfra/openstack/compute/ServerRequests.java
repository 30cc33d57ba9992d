package io.mvinfra.openstack.compute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServerNetwork;

import io.mvinfra.validation.Violations;

/**
 * A Server checked, then turned into Nova's create body at the negotiated microversion, before anything is sent:
 * every problem at once, each naming its field.
 */
public final class ServerRequests {

    /** Nova's limit on {@code user_data}, counted on the base64 text. */
    public static final int MAX_USER_DATA_CHARS = 65_535;
    /** Nova's limits on a metadata key and value. */
    static final int MAX_METADATA_CHARS = 255;
    private static final Microversion NETWORKS_REQUIRED = new Microversion(2, 37);
    /** Synnefo's MAX_PERSONALITY and MAX_PERSONALITY_SIZE: 5 files, each at most 10240 characters as sent (base64). */
    static final int MAX_PERSONALITY_FILES = 5;
    static final int MAX_PERSONALITY_CHARS = 10_240;

    private ServerRequests() {
    }

    /**
     * What the create refers to, found beforehand: the image's and flavor's ids (null when the Server names none, or
     * one the cloud does not have), its networks and security group entities.
     */
    public record Parts(String imageId, String flavorId, List<ServerNetwork> networks, SecurityGroup securityGroup) {
        public Parts {
            networks = networks == null ? List.of() : List.copyOf(networks);
        }
    }

    /**
     * @param networkChoice for a Server without networks, from 2.37: {@code auto} (the cloud picks, the default) or
     *                      {@code none}
     * @param cyclades      whether the cloud is Synnefo Cyclades: personality files and {@code project} are sent
     */
    public static CreateServerRequest create(Server server, Parts parts, Microversion version, String networkChoice,
                                             boolean cyclades) throws BusinessException {
        Violations problems = new Violations("Server");
        String name = blankToNull(server.getInstanceName());
        if (name == null) {
            problems.add("instanceName", "is required");
        } else if (name.length() > 255) {
            problems.add("instanceName", "is " + name.length() + " characters long; Nova takes at most 255");
        }
        if (blankToNull(server.getServerType()) == null) {
            problems.add("serverType", "is required: the flavor's name or id, e.g. m1.small");
        } else if (parts.flavorId() == null) {
            problems.add("serverType", "'" + server.getServerType().strip() + "' is no flavor of this cloud");
        }
        if (server.getImage() == null) {
            problems.add("image", "is required: the Image to boot from");
        } else if (parts.imageId() == null) {
            problems.add("image", "has no providerSideId and no image of its name is in the cloud's image service");
        }
        Object networks = networks(parts.networks(), version, networkChoice, problems);
        String userData = userData(server.getUserData(), problems);
        Map<String, String> metadata = metadata(server, problems);
        List<CreateServerRequest.Personality> personality = personality(server.getPersonality(), cyclades, problems);
        problems.throwIfAny();
        List<CreateServerRequest.Named> groups = parts.securityGroup() == null ? List.of()
                : List.of(new CreateServerRequest.Named(groupRef(parts.securityGroup())));
        return new CreateServerRequest(name, parts.imageId(), parts.flavorId(), blankToNull(server.getKeyName()), networks,
                groups, userData, metadata, personality, cyclades ? blankToNull(server.getProject()) : null);
    }

    /**
     * Cyclades' personality files, each base64-encoded and checked as Synnefo checks them (on the encoded text).
     * Nova dropped personality at 2.57 and this client speaks newer, so there it is refused rather than left out.
     */
    private static List<CreateServerRequest.Personality> personality(Map<String, String> files, boolean cyclades,
                                                                     Violations problems) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        if (!cyclades) {
            problems.add("personality", "is for Synnefo Cyclades; Nova removed personality files at microversion 2.57: "
                    + "put the files in userData (cloud-init write_files)");
            return List.of();
        }
        if (files.size() > MAX_PERSONALITY_FILES) {
            problems.add("personality", "has " + files.size() + " files; Cyclades takes at most " + MAX_PERSONALITY_FILES);
        }
        List<CreateServerRequest.Personality> out = new ArrayList<>();
        files.forEach((path, contents) -> {
            if (path.isBlank() || !path.startsWith("/")) {
                problems.add("personality", "'" + path + "' is not an absolute path on the server");
                return;
            }
            String encoded = Base64.getEncoder().encodeToString((contents == null ? "" : contents).getBytes(StandardCharsets.UTF_8));
            if (encoded.length() > MAX_PERSONALITY_CHARS) {
                problems.add("personality", path + " is " + encoded.length() + " characters once in base64; Cyclades takes at most "
                        + MAX_PERSONALITY_CHARS + " a file");
                return;
            }
            out.add(new CreateServerRequest.Personality(path, encoded));
        });
        return out;
    }

    private static Object networks(List<ServerNetwork> networks, Microversion version, String choice, Violations problems) {
        if (!networks.isEmpty()) {
            List<CreateServerRequest.Network> ids = new ArrayList<>();
            for (ServerNetwork network : networks) {
                String id = blankToNull(network.getProviderSideId());
                if (id == null) {
                    problems.add("network", "network " + network.getName() + " has no providerSideId: list the networks first");
                } else {
                    ids.add(new CreateServerRequest.Network(id));
                }
            }
            return ids;
        }
        String wanted = choice == null ? "auto" : choice.strip();
        if (!wanted.equals("auto") && !wanted.equals("none")) {
            problems.add("networks", "is '" + wanted + "'; without networks on the Server, give auto or none");
            return null;
        }
        if (!version.atLeast(NETWORKS_REQUIRED)) {
            if (wanted.equals("none")) {
                problems.add("networks", "none needs compute microversion 2.37; this cloud speaks " + version);
            }
            return null;   // before 2.37 Nova picks the network when none is named
        }
        return wanted;
    }

    /** The user data as Nova takes it, base64; its limit is checked on the encoded text, as Nova does. */
    private static String userData(String text, Violations problems) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        if (encoded.length() > MAX_USER_DATA_CHARS) {
            problems.add("userData", "is " + encoded.length() + " characters once in base64; Nova takes at most "
                    + MAX_USER_DATA_CHARS + " (about 48 KiB of text)");
        }
        return encoded;
    }

    private static Map<String, String> metadata(Server server, Violations problems) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (server.getMetadata() != null) {
            server.getMetadata().forEach((key, value) -> {
                if (key.isEmpty() || key.length() > MAX_METADATA_CHARS) {
                    problems.add("metadata", "key '" + key + "' must be 1 to " + MAX_METADATA_CHARS + " characters");
                } else if (value != null && value.length() > MAX_METADATA_CHARS) {
                    problems.add("metadata", key + ": the value is " + value.length() + " characters; Nova takes at most "
                            + MAX_METADATA_CHARS);
                } else {
                    metadata.put(key, value == null ? "" : value);
                }
            });
        }
        if (server.getUuid() != null) {
            metadata.put(ServerClient.ENTITY_KEY, server.getUuid());
        }
        return metadata;
    }

    /** Nova takes a security group by name or id; the id is the one that cannot be ambiguous. */
    private static String groupRef(SecurityGroup group) {
        String id = blankToNull(group.getProviderSideId());
        return id != null ? id : group.getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
