package com.example.authserver.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the SCIM controllers share: the base URL of the resources, body checks, list and resource responses. */
final class ScimRequests {

    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ScimRequests() {}

    /** {@code https://host/scim/v2}, as the request reached the server (behind a proxy: its forwarded address). */
    static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path(ScimProtocol.BASE)
                .build()
                .toUriString();
    }

    /** A body is SCIM JSON or plain JSON (RFC 7644 section 3.1); anything else is 415. */
    static ObjectNode json(HttpServletRequest request, byte[] body) throws ScimException {
        String contentType = request.getContentType();
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null
                || !(type.isCompatibleWith(ScimJson.MEDIA_TYPE) || type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            throw new ScimException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), null, "Send application/scim+json.");
        }
        return ScimJson.object(body);
    }

    static Integer integer(String name, String value) throws BadRequestException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            // a huge count is still a count: capped later, as a too-large count is
            if (value.strip().matches("\\d{10,}")) {
                return Integer.MAX_VALUE;
            }
            throw BadRequestException.invalidValue(name + " is an integer.");
        }
    }

    static ResponseEntity<byte[]> list(List<ObjectNode> resources, long total, ListParameters parameters) {
        ObjectNode list = ScimJson.newObject();
        list.putArray("schemas").add(LIST_RESPONSE);
        list.put("totalResults", total);
        list.put("startIndex", parameters.startIndex());
        list.put("itemsPerPage", resources.size());
        ArrayNode items = list.putArray("Resources");
        resources.forEach(items::add);
        return ScimJson.response(HttpStatus.OK, list);
    }

    /** A resource with its {@code ETag} header (the same version as its {@code meta.version}). */
    static ResponseEntity<byte[]> resource(HttpStatus status, ObjectNode resource, ObjectNode shown) {
        HttpHeaders headers = new HttpHeaders();
        String version = resource.path("meta").path("version").asText(null);
        if (version != null) {
            headers.setETag(version);
        }
        String location = resource.path("meta").path("location").asText(null);
        if (status == HttpStatus.CREATED && location != null) {
            headers.set(HttpHeaders.LOCATION, location);
        }
        return ScimJson.response(status, shown, headers);
    }
}
