package com.example.authserver.imports.identityserver;

import com.example.authserver.imports.ImportFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON export of IdentityServer's stores: one object with the arrays {@code clients}, {@code apiScopes},
 * {@code apiResources}, {@code identityResources} and {@code persistedGrants}, each element an Entity Framework entity
 * as serialised in camelCase (a client's {@code allowedGrantTypes} as {@code [{"grantType": "..."}]}; plain strings
 * are accepted too). Names are matched case-insensitively, so a PascalCase export reads the same.
 */
final class JsonExportSource {

    private JsonExportSource() {}

    static IdentityServerData read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportFailure("The export file " + file + " does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(file.toFile());
        } catch (JacksonException ex) {
            TokenStreamLocation at = ex.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ImportFailure(
                    "The export file " + file + " is not valid JSON" + where + ": " + ex.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ImportFailure("The export file " + file + " is not a JSON object with the array 'clients'");
        }
        if (field(root, "clients") == null) {
            throw new ImportFailure(
                    "The export file " + file + " has no array 'clients': not an IdentityServer export");
        }
        List<IdentityServerData.Client> clients = new ArrayList<>();
        for (JsonNode client : array(root, "clients")) {
            clients.add(new IdentityServerData.Client(
                    row("clients", client),
                    array(client, "clientSecrets").stream()
                            .map(secret -> row("clientSecrets", secret))
                            .toList(),
                    strings(client, "allowedGrantTypes", "grantType"),
                    strings(client, "redirectUris", "redirectUri"),
                    strings(client, "postLogoutRedirectUris", "postLogoutRedirectUri"),
                    strings(client, "allowedScopes", "scope"),
                    strings(client, "allowedCorsOrigins", "origin")));
        }
        List<IdentityServerData.ApiResource> resources = new ArrayList<>();
        for (JsonNode resource : array(root, "apiResources")) {
            resources.add(new IdentityServerData.ApiResource(
                    row("apiResources", resource), strings(resource, "scopes", "scope")));
        }
        return new IdentityServerData(
                clients,
                rows(root, "apiScopes"),
                resources,
                rows(root, "identityResources"),
                rows(root, "persistedGrants"));
    }

    private static List<SourceRow> rows(JsonNode parent, String name) {
        return array(parent, name).stream().map(node -> row(name, node)).toList();
    }

    /** The object's scalar fields (arrays and objects are read by the caller). */
    private static SourceRow row(String table, JsonNode node) {
        if (!node.isObject()) {
            throw new ImportFailure("The export's '" + table + "' holds " + node.getNodeType() + ", not objects");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isBoolean()) {
                values.put(field.getKey(), value.booleanValue());
            } else if (value.isIntegralNumber()) {
                values.put(field.getKey(), value.longValue());
            } else if (value.isValueNode() && !value.isNull()) {
                values.put(field.getKey(), value.asString());
            }
        }
        return new SourceRow(table, values);
    }

    private static List<JsonNode> array(JsonNode parent, String name) {
        JsonNode array = field(parent, name);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new ImportFailure("The export's '" + name + "' is " + array.getNodeType() + ", not an array");
        }
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    /** An array of strings, or of objects holding the string in {@code field} (the entity shape). */
    private static List<String> strings(JsonNode parent, String name, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array(parent, name)) {
            JsonNode value = element.isObject() ? field(element, field) : element;
            if (value != null && value.isValueNode() && !value.isNull()) {
                values.add(value.asString());
            }
        }
        return values;
    }

    private static JsonNode field(JsonNode node, String name) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
