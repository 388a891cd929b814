package com.example.authserver.scim;

import com.example.authserver.identity.ApplicationUser;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.SchemaResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a SCIM user is here: the core User attributes this server stores (RFC 7643 section 4.1: no addresses, photos,
 * ims or entitlements, which it has no columns for) and the extensions built from {@code ApplicationUser}
 * ({@link ExtensionProperty}). {@code /Schemas} serves exactly this, so clients learn what will be kept.
 */
@Component
class UserSchema {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

    private final List<ExtensionProperty> extensions;

    private final Map<String, ExtensionProperty> byKey = new LinkedHashMap<>();

    UserSchema() {
        this(ExtensionProperty.of(ApplicationUser.class));
    }

    UserSchema(List<ExtensionProperty> extensions) {
        this.extensions = extensions;
        extensions.forEach(property -> byKey.put(property.path().toLowerCase(Locale.ROOT), property));
    }

    List<ExtensionProperty> extensions() {
        return extensions;
    }

    /** The extension property of a lower-case path key ({@link ScimFilters#key}), or null. */
    ExtensionProperty extension(String key) {
        return byKey.get(key);
    }

    /** The extension schemas that have at least one attribute (the enterprise one only when a property maps to it). */
    Set<String> extensionSchemas() {
        Set<String> schemas = new LinkedHashSet<>();
        extensions.forEach(property -> schemas.add(property.schema()));
        return schemas;
    }

    List<SchemaResource> schemas() {
        List<SchemaResource> schemas = new ArrayList<>();
        schemas.add(new SchemaResource(CORE, "User", "User Account", core()));
        for (String urn : extensionSchemas()) {
            List<AttributeDefinition> attributes = extensions.stream()
                    .filter(property -> property.schema().equals(urn))
                    .map(UserSchema::definition)
                    .toList();
            boolean enterprise = urn.equals(ExtensionProperty.ENTERPRISE_USER);
            schemas.add(new SchemaResource(
                    urn,
                    enterprise ? "EnterpriseUser" : "AuthForgeUser",
                    enterprise ? "Enterprise User" : "This server's user properties (ApplicationUser)",
                    attributes));
        }
        return schemas;
    }

    private static List<AttributeDefinition> core() {
        return List.of(
                simple("id", Type.STRING, Mutability.READ_ONLY, Returned.ALWAYS)
                        .setCaseExact(true)
                        .setUniqueness(Uniqueness.SERVER)
                        .build(),
                simple("userName", Type.STRING, Mutability.READ_WRITE, Returned.DEFAULT)
                        .setRequired(true)
                        .setUniqueness(Uniqueness.SERVER)
                        .build(),
                complex("name", false, Mutability.READ_WRITE)
                        .addSubAttributes(
                                simple("givenName", Type.STRING, Mutability.READ_WRITE, Returned.DEFAULT)
                                        .build(),
                                simple("familyName", Type.STRING, Mutability.READ_WRITE, Returned.DEFAULT)
                                        .build())
                        .build(),
                complex("emails", true, Mutability.READ_WRITE)
                        .setDescription("The user's one email address; unique.")
                        .addSubAttributes(valueAttributes(UserResources.EMAIL_TYPE))
                        .build(),
                complex("phoneNumbers", true, Mutability.READ_WRITE)
                        .setDescription("The user's one phone number.")
                        .addSubAttributes(valueAttributes(UserResources.PHONE_TYPE))
                        .build(),
                simple("active", Type.BOOLEAN, Mutability.READ_WRITE, Returned.DEFAULT)
                        .setDescription("False disables the user: sign-in, refresh and UserInfo are refused.")
                        .build(),
                simple("password", Type.STRING, Mutability.WRITE_ONLY, Returned.NEVER)
                        .setDescription("Checked by the password policy; never returned.")
                        .build(),
                complex("groups", true, Mutability.READ_ONLY)
                        .setDescription("The user's roles; changed through the Groups' members.")
                        .addSubAttributes(
                                simple("value", Type.STRING, Mutability.READ_ONLY, Returned.DEFAULT)
                                        .build(),
                                simple("display", Type.STRING, Mutability.READ_ONLY, Returned.DEFAULT)
                                        .build(),
                                simple("$ref", Type.REFERENCE, Mutability.READ_ONLY, Returned.DEFAULT)
                                        .addReferenceTypes("Group")
                                        .build())
                        .build());
    }

    private static AttributeDefinition[] valueAttributes(String type) {
        return new AttributeDefinition[] {
            simple("value", Type.STRING, Mutability.READ_WRITE, Returned.DEFAULT)
                    .build(),
            simple("type", Type.STRING, Mutability.READ_WRITE, Returned.DEFAULT)
                    .addCanonicalValues(type)
                    .build(),
            simple("primary", Type.BOOLEAN, Mutability.READ_WRITE, Returned.DEFAULT)
                    .build()
        };
    }

    private static AttributeDefinition definition(ExtensionProperty property) {
        Type type = switch (property.kind()) {
            case STRING -> Type.STRING;
            case BOOLEAN -> Type.BOOLEAN;
            case INTEGER -> Type.INTEGER;
            case DATETIME -> Type.DATETIME;
        };
        return simple(
                        property.name(),
                        type,
                        property.writable() ? Mutability.READ_WRITE : Mutability.READ_ONLY,
                        Returned.DEFAULT)
                .build();
    }

    private static AttributeDefinition.Builder simple(
            String name, Type type, Mutability mutability, Returned returned) {
        return new AttributeDefinition.Builder()
                .setName(name)
                .setType(type)
                .setMutability(mutability)
                .setReturned(returned);
    }

    private static AttributeDefinition.Builder complex(String name, boolean multiValued, Mutability mutability) {
        return new AttributeDefinition.Builder()
                .setName(name)
                .setType(Type.COMPLEX)
                .setMultiValued(multiValued)
                .setMutability(mutability)
                .setReturned(Returned.DEFAULT);
    }
}
