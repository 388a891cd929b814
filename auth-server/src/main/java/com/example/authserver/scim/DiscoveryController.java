package com.example.authserver.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The discovery endpoints (RFC 7644 section 4): what this service provider supports ({@code filter} with its
 * {@code maxResults}, which is the page size cap; patch, sort and ETags; no bulk, no change-password endpoint), its
 * resource types and their schemas.
 */
@RestController
@RequestMapping(ScimProtocol.BASE)
class DiscoveryController {

    private static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    private static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    private final UserSchema users;

    DiscoveryController(UserSchema users) {
        this.users = users;
    }

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<byte[]> serviceProviderConfig(HttpServletRequest request) {
        AuthenticationScheme bearer = new AuthenticationScheme(
                "OAuth Bearer Token",
                "An access token of this server (client credentials) with scope scim or admin.",
                URI.create("https://www.rfc-editor.org/rfc/rfc6750"),
                null,
                "oauthbearertoken",
                true);
        ServiceProviderConfigResource config = new ServiceProviderConfigResource(
                null,
                new PatchConfig(true),
                new BulkConfig(false, 0, 0),
                new FilterConfig(true, ListParameters.MAX_COUNT),
                new ChangePasswordConfig(false),
                new SortConfig(true),
                new ETagConfig(true),
                List.of(bearer));
        ObjectNode node = ScimJson.convert(config, ObjectNode.class);
        node.putObject("meta")
                .put("resourceType", "ServiceProviderConfig")
                .put("location", ScimRequests.base(request) + "/ServiceProviderConfig");
        return ScimJson.response(HttpStatus.OK, node);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<byte[]> resourceTypes(HttpServletRequest request) {
        List<ObjectNode> types = resourceTypeList(ScimRequests.base(request));
        return ScimRequests.list(types, types.size(), new ListParameters(null, null, false, 1, types.size()));
    }

    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<byte[]> resourceType(@PathVariable String name, HttpServletRequest request) throws ScimException {
        return resourceTypeList(ScimRequests.base(request)).stream()
                .filter(type -> type.path("id").asText().equalsIgnoreCase(name))
                .findFirst()
                .map(type -> ScimJson.response(HttpStatus.OK, type))
                .orElseThrow(() -> new ResourceNotFoundException("No resource type " + name + "."));
    }

    @GetMapping("/Schemas")
    ResponseEntity<byte[]> schemas(HttpServletRequest request) {
        List<ObjectNode> schemas = schemaList(ScimRequests.base(request));
        return ScimRequests.list(schemas, schemas.size(), new ListParameters(null, null, false, 1, schemas.size()));
    }

    @GetMapping("/Schemas/{urn}")
    ResponseEntity<byte[]> schema(@PathVariable String urn, HttpServletRequest request) throws ScimException {
        return schemaList(ScimRequests.base(request)).stream()
                .filter(schema -> schema.path("id").asText().equalsIgnoreCase(urn))
                .findFirst()
                .map(schema -> ScimJson.response(HttpStatus.OK, schema))
                .orElseThrow(() -> new ResourceNotFoundException("No schema " + urn + "."));
    }

    private List<ObjectNode> resourceTypeList(String base) {
        List<ResourceTypeResource.SchemaExtension> extensions = users.extensionSchemas().stream()
                .map(urn -> new ResourceTypeResource.SchemaExtension(URI.create(urn), false))
                .toList();
        ResourceTypeResource user = new ResourceTypeResource(
                "User", "User", "This server's users", URI.create("/Users"), URI.create(UserSchema.CORE), extensions);
        ResourceTypeResource group = new ResourceTypeResource(
                "Group",
                "Group",
                "This server's roles",
                URI.create("/Groups"),
                URI.create(GroupResources.CORE),
                List.of());
        return List.of(
                described(user, RESOURCE_TYPE, base + "/ResourceTypes/User", "ResourceType"),
                described(group, RESOURCE_TYPE, base + "/ResourceTypes/Group", "ResourceType"));
    }

    private List<ObjectNode> schemaList(String base) {
        List<SchemaResource> schemas = new ArrayList<>(users.schemas());
        schemas.add(GroupResources.schema());
        return schemas.stream()
                .map(schema -> described(schema, SCHEMA, base + "/Schemas/" + schema.getId(), "Schema"))
                .toList();
    }

    private static ObjectNode described(Object resource, String schema, String location, String resourceType) {
        ObjectNode node = ScimJson.convert(resource, ObjectNode.class);
        node.putArray("schemas").add(schema);
        node.putObject("meta").put("resourceType", resourceType).put("location", location);
        return node;
    }
}
