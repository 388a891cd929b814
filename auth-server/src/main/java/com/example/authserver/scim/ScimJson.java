package com.example.authserver.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SCIM bodies in and out, with the SDK's Jackson 2 mapper: SCIM JSON never passes through Spring's (Jackson 3)
 * converters, so neither library's settings leak into the other's documents.
 */
final class ScimJson {

    static final String CONTENT_TYPE = "application/scim+json";

    static final MediaType MEDIA_TYPE = MediaType.parseMediaType(CONTENT_TYPE);

    private static final ObjectMapper MAPPER = JsonUtils.createObjectMapper();

    private ScimJson() {}

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A SCIM document could not be written", e);
        }
    }

    static ResponseEntity<byte[]> response(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MEDIA_TYPE).body(bytes(body));
    }

    static ResponseEntity<byte[]> response(HttpStatus status, Object body, HttpHeaders headers) {
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MEDIA_TYPE)
                .body(bytes(body));
    }

    /** A request body that must be one JSON object; anything else is {@code invalidSyntax}. */
    static ObjectNode object(byte[] body) throws ScimException {
        if (body == null || body.length == 0) {
            throw BadRequestException.invalidSyntax("The request needs a JSON body.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw BadRequestException.invalidSyntax("The body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw BadRequestException.invalidSyntax("The body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    /** A body read as an SDK type (a patch or search request); the SDK's own SCIM errors pass through. */
    static <T> T read(byte[] body, Class<T> type) throws ScimException {
        ObjectNode node = object(body);
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            while (cause != null) {
                if (cause instanceof ScimException scim) {
                    throw scim;
                }
                cause = cause.getCause();
            }
            throw BadRequestException.invalidSyntax("The body is not a valid " + type.getSimpleName() + ".");
        }
    }

    static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }
}
