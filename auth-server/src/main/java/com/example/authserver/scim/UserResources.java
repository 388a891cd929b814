package com.example.authserver.scim;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.LookupNormalizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.BeansException;
import org.springframework.stereotype.Component;

/**
 * The one mapping between a stored user and its SCIM representation, both ways. The store keeps one email and one
 * phone number: they are written as a one-element {@code emails} / {@code phoneNumbers} list (primary, type
 * {@value #EMAIL_TYPE} / {@value #PHONE_TYPE}), and a request naming two different ones is refused, never half kept.
 */
@Component
class UserResources {

    static final String EMAIL_TYPE = "work";

    static final String PHONE_TYPE = "mobile";

    static final int MAX_LENGTH = 256;

    private final UserSchema schema;

    UserResources(UserSchema schema) {
        this.schema = schema;
    }

    List<ExtensionProperty> extensionsReadOnly() {
        return schema.extensions().stream()
                .filter(property -> !property.writable())
                .toList();
    }

    /** What a request asks beyond the user's columns: a password to set, and the {@code active} flag if named. */
    record Requested(String password, Boolean active) {}

    ObjectNode toNode(ApplicationUser user, List<IdentityRole> roles, String base) {
        ObjectNode node = ScimJson.newObject();
        ArrayNode schemas = node.putArray("schemas").add(UserSchema.CORE);
        schema.extensionSchemas().forEach(schemas::add);
        node.put("id", user.getId());
        node.put("userName", user.getUserName());
        if (user.getGivenName() != null || user.getFamilyName() != null) {
            ObjectNode name = node.putObject("name");
            putIfSet(name, "givenName", user.getGivenName());
            putIfSet(name, "familyName", user.getFamilyName());
        }
        if (user.getEmail() != null) {
            node.putArray("emails").add(value(user.getEmail(), EMAIL_TYPE));
        }
        if (user.getPhoneNumber() != null) {
            node.putArray("phoneNumbers").add(value(user.getPhoneNumber(), PHONE_TYPE));
        }
        node.put("active", user.isEnabled());
        if (!roles.isEmpty()) {
            ArrayNode groups = node.putArray("groups");
            roles.forEach(role -> groups.addObject()
                    .put("value", role.getId())
                    .put("$ref", base + "/Groups/" + role.getId())
                    .put("display", role.getName())
                    .put("type", "direct"));
        }
        BeanWrapper properties = new BeanWrapperImpl(user);
        for (ExtensionProperty property : schema.extensions()) {
            Object value = properties.getPropertyValue(property.name());
            if (value != null) {
                ObjectNode extension = node.has(property.schema())
                        ? (ObjectNode) node.get(property.schema())
                        : node.putObject(property.schema());
                extension.set(
                        property.name(),
                        ScimJson.convert(
                                value instanceof Instant instant ? instant.toString() : value, JsonNode.class));
            }
        }
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("location", base + "/Users/" + user.getId());
        meta.put("version", ETags.of(user));
        return node;
    }

    /**
     * Copies a POST or PUT body onto the user (the core attributes, the writable extension properties); read-only
     * attributes ({@code id}, {@code meta}, {@code groups}, read-only extension properties) are ignored as RFC 7643
     * section 2.2 says, unknown extension attributes too. An email address that changes is no longer confirmed unless
     * the request says it is.
     */
    Requested apply(ObjectNode node, ApplicationUser user) throws BadRequestException {
        requireSchema(node);
        String userName = text(node, "userName");
        if (userName == null || userName.isBlank()) {
            throw BadRequestException.invalidValue("userName is required.");
        }
        JsonNode name = node.get("name");
        if (name != null && !name.isNull() && !name.isObject()) {
            throw BadRequestException.invalidValue("name is an object.");
        }
        String email = single(node, "emails");
        String previousEmail = user.getNormalizedEmail();
        user.setUserName(userName);
        user.setGivenName(name == null || name.isNull() ? null : text(name, "givenName"));
        user.setFamilyName(name == null || name.isNull() ? null : text(name, "familyName"));
        user.setEmail(email);
        user.setPhoneNumber(single(node, "phoneNumbers"));
        if (!Objects.equals(previousEmail, LookupNormalizer.normalizeEmail(email))) {
            user.setEmailConfirmed(false);
        }
        applyExtensions(node, user);
        JsonNode active = node.get("active");
        if (active != null && !active.isNull() && !active.isBoolean()) {
            throw BadRequestException.invalidValue("active is true or false.");
        }
        JsonNode password = node.get("password");
        if (password != null && !password.isNull() && !password.isTextual()) {
            throw BadRequestException.invalidValue("password is a string.");
        }
        return new Requested(
                password == null || password.isNull() ? null : password.textValue(),
                active == null || active.isNull() ? null : active.booleanValue());
    }

    private void applyExtensions(ObjectNode node, ApplicationUser user) throws BadRequestException {
        BeanWrapper properties = new BeanWrapperImpl(user);
        for (ExtensionProperty property : schema.extensions()) {
            JsonNode extension = node.get(property.schema());
            if (!property.writable() || extension == null || !extension.isObject()) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = extension.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equalsIgnoreCase(property.name())) {
                    try {
                        properties.setPropertyValue(property.name(), valueOf(property, field.getValue()));
                    } catch (BeansException e) {
                        // a number beyond the property's type, say
                        throw BadRequestException.invalidValue(property.name() + " cannot hold that value.");
                    }
                }
            }
        }
    }

    private static Object valueOf(ExtensionProperty property, JsonNode value) throws BadRequestException {
        if (value == null || value.isNull()) {
            if (property.kind() == ExtensionProperty.Kind.BOOLEAN) {
                return false;
            }
            return null;
        }
        boolean fits = switch (property.kind()) {
            case STRING, DATETIME -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case INTEGER -> value.isIntegralNumber();
        };
        if (!fits) {
            throw BadRequestException.invalidValue(property.name() + " has the wrong type.");
        }
        return switch (property.kind()) {
            case STRING -> limited(property.name(), value.textValue());
            case BOOLEAN -> value.booleanValue();
            case INTEGER -> value.longValue();
            case DATETIME -> instant(property.name(), value.textValue());
        };
    }

    private static Instant instant(String name, String text) throws BadRequestException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw BadRequestException.invalidValue(name + " is a date-time (RFC 3339).");
        }
    }

    static void requireSchema(ObjectNode node) throws BadRequestException {
        JsonNode schemas = node.get("schemas");
        boolean named = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode urn : schemas) {
                named |= urn.isTextual() && urn.textValue().equalsIgnoreCase(UserSchema.CORE);
            }
        }
        if (!named) {
            throw BadRequestException.invalidSyntax("schemas must name " + UserSchema.CORE + ".");
        }
    }

    /** The one value of a multi-valued attribute the store keeps once: the primary one, the only one, or none. */
    private static String single(ObjectNode node, String attribute) throws BadRequestException {
        JsonNode values = node.get(attribute);
        if (values == null || values.isNull()) {
            return null;
        }
        if (!values.isArray()) {
            throw BadRequestException.invalidValue(attribute + " is a list.");
        }
        Set<String> distinct = new LinkedHashSet<>();
        String primary = null;
        for (JsonNode value : values) {
            String text = value.isObject() ? text(value, "value") : null;
            if (text == null || text.isBlank()) {
                throw BadRequestException.invalidValue("Each of " + attribute + " needs a value.");
            }
            distinct.add(text.strip().toLowerCase(java.util.Locale.ROOT));
            if (value.path("primary").asBoolean(false) || primary == null) {
                primary = text.strip();
            }
        }
        if (distinct.size() > 1) {
            throw BadRequestException.invalidValue("This server keeps one of " + attribute + " per user.");
        }
        return primary;
    }

    private static String text(JsonNode node, String field) throws BadRequestException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            // attribute names are case-insensitive (RFC 7643 section 2.1)
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.equalsIgnoreCase(field)) {
                    value = node.get(name);
                }
            }
        }
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw BadRequestException.invalidValue(field + " is a string.");
        }
        return limited(field, value.textValue());
    }

    private static String limited(String field, String text) throws BadRequestException {
        if (text.length() > MAX_LENGTH) {
            throw BadRequestException.invalidValue(field + " is longer than " + MAX_LENGTH + " characters.");
        }
        return text;
    }

    private static ObjectNode value(String value, String type) {
        return ScimJson.newObject().put("value", value).put("type", type).put("primary", true);
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
