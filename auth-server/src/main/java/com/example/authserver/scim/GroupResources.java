package com.example.authserver.scim;

import com.example.authserver.identity.IdentityRole;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.SchemaResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A role as a SCIM Group: {@code displayName} is the role's name (fixed once created: the store has no rename),
 * {@code members} its users, at most {@value #MAX_MEMBERS} listed (a larger role's members are paged through
 * {@code /Users?filter=groups.value eq "<id>"}). Its version is a digest of the name, the member count and the
 * members listed, so a membership change gives a new ETag.
 */
final class GroupResources {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:Group";

    static final int MAX_MEMBERS = 1000;

    private GroupResources() {}

    static ObjectNode toNode(IdentityRole role, Map<String, String> members, long memberCount, String base) {
        ObjectNode node = ScimJson.newObject();
        node.putArray("schemas").add(CORE);
        node.put("id", role.getId());
        node.put("displayName", role.getName());
        ArrayNode list = node.putArray("members");
        members.forEach((id, userName) -> list.addObject()
                .put("value", id)
                .put("$ref", base + "/Users/" + id)
                .put("display", userName)
                .put("type", "User"));
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("location", base + "/Groups/" + role.getId());
        meta.put("version", ETags.of(digest(role.getName() + "\n" + memberCount + "\n" + members.keySet())));
        return node;
    }

    static SchemaResource schema() {
        return new SchemaResource(
                CORE,
                "Group",
                "A role of this server",
                List.of(
                        new AttributeDefinition.Builder()
                                .setName("id")
                                .setType(Type.STRING)
                                .setMutability(Mutability.READ_ONLY)
                                .setReturned(Returned.ALWAYS)
                                .setCaseExact(true)
                                .build(),
                        new AttributeDefinition.Builder()
                                .setName("displayName")
                                .setType(Type.STRING)
                                .setRequired(true)
                                .setMutability(Mutability.IMMUTABLE)
                                .setUniqueness(Uniqueness.SERVER)
                                .setDescription("The role's name; fixed once the role exists.")
                                .build(),
                        new AttributeDefinition.Builder()
                                .setName("members")
                                .setType(Type.COMPLEX)
                                .setMultiValued(true)
                                .setMutability(Mutability.READ_WRITE)
                                .setDescription("The role's users (at most " + MAX_MEMBERS + " listed).")
                                .addSubAttributes(
                                        new AttributeDefinition.Builder()
                                                .setName("value")
                                                .setType(Type.STRING)
                                                .setMutability(Mutability.IMMUTABLE)
                                                .build(),
                                        new AttributeDefinition.Builder()
                                                .setName("display")
                                                .setType(Type.STRING)
                                                .setMutability(Mutability.READ_ONLY)
                                                .build(),
                                        new AttributeDefinition.Builder()
                                                .setName("$ref")
                                                .setType(Type.REFERENCE)
                                                .addReferenceTypes("User")
                                                .setMutability(Mutability.IMMUTABLE)
                                                .build())
                                .build()));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
