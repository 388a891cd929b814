package com.example.authserver.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code attributes} and {@code excludedAttributes} (RFC 7644 section 3.9) on a rendered resource: with {@code
 * attributes}, only the named attributes (or sub-attributes) and those always returned ({@code id}, {@code schemas});
 * with {@code excludedAttributes}, all but the named ones, never removing those always returned.
 */
record AttributeSelection(List<String[]> included, List<String[]> excluded) {

    private static final Set<String> ALWAYS = Set.of("id", "schemas");

    static final AttributeSelection ALL = new AttributeSelection(List.of(), List.of());

    static AttributeSelection of(String attributes, String excludedAttributes, String coreSchema)
            throws BadRequestException {
        return new AttributeSelection(
                paths(split(attributes), coreSchema), paths(split(excludedAttributes), coreSchema));
    }

    static AttributeSelection of(Collection<String> attributes, Collection<String> excluded, String coreSchema)
            throws BadRequestException {
        return new AttributeSelection(
                paths(attributes == null ? List.of() : attributes, coreSchema),
                paths(excluded == null ? List.of() : excluded, coreSchema));
    }

    ObjectNode apply(ObjectNode resource) {
        ObjectNode result = resource;
        if (!included.isEmpty()) {
            result = ScimJson.newObject();
            Iterator<Map.Entry<String, JsonNode>> fields = resource.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey().toLowerCase(Locale.ROOT);
                if (ALWAYS.contains(name)) {
                    result.set(field.getKey(), field.getValue());
                    continue;
                }
                JsonNode kept = keep(field.getValue(), name, included);
                if (kept != null) {
                    result.set(field.getKey(), kept);
                }
            }
        } else {
            result = resource.deepCopy();
        }
        for (String[] path : excluded) {
            if (!ALWAYS.contains(path[0])) {
                remove(result, path, 0);
            }
        }
        return result;
    }

    /** The part of a top-level value the included paths name: all of it, some sub-attributes, or nothing. */
    private static JsonNode keep(JsonNode value, String name, List<String[]> paths) {
        List<String> subAttributes = new ArrayList<>();
        for (String[] path : paths) {
            if (path[0].equals(name)) {
                if (path.length == 1) {
                    return value;
                }
                subAttributes.add(path[1]);
            }
        }
        if (subAttributes.isEmpty()) {
            return null;
        }
        JsonNode copy = value.deepCopy();
        for (JsonNode element : copy.isArray() ? copy : List.of(copy)) {
            if (element instanceof ObjectNode object) {
                object.properties()
                        .removeIf(
                                entry -> !subAttributes.contains(entry.getKey().toLowerCase(Locale.ROOT)));
            }
        }
        return copy;
    }

    private static void remove(JsonNode node, String[] path, int index) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(entry -> {
                if (!entry.getKey().equalsIgnoreCase(path[index])) {
                    return false;
                }
                if (index == path.length - 1) {
                    return true;
                }
                remove(entry.getValue(), path, index + 1);
                return false;
            });
        } else if (node != null && node.isArray()) {
            node.forEach(element -> remove(element, path, index));
        }
    }

    private static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return List.of(list.split(","));
    }

    /**
     * Each path as its lower-case segments; an extension attribute keeps its schema URN as the first segment, as the
     * URN is the key of the extension's object in a resource.
     */
    private static List<String[]> paths(Collection<String> names, String coreSchema) throws BadRequestException {
        List<String[]> paths = new ArrayList<>();
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            Path path = Path.fromString(name.strip());
            List<String> segments = new ArrayList<>();
            String schema = path.getSchemaUrn();
            if (schema != null && !schema.equalsIgnoreCase(coreSchema)) {
                segments.add(schema.toLowerCase(Locale.ROOT));
            }
            for (int i = 0; i < path.size(); i++) {
                segments.add(path.getElement(i).getAttribute().toLowerCase(Locale.ROOT));
            }
            if (!segments.isEmpty()) {
                paths.add(segments.toArray(String[]::new));
            }
        }
        return paths;
    }
}
