package com.example.authserver.scim;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** RFC 7644 section 3.12 error documents: {@code status}, {@code scimType} where one fits, and a {@code detail}. */
final class ScimErrors {

    private ScimErrors() {}

    static ErrorResponse error(int status, String scimType, String detail) {
        ErrorResponse error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        return error;
    }

    static ResponseEntity<byte[]> response(ScimException exception) {
        ErrorResponse error = exception.getScimError();
        return ScimJson.response(HttpStatus.valueOf(error.getStatus()), error);
    }

    static ResponseEntity<byte[]> response(int status, String scimType, String detail) {
        return ScimJson.response(HttpStatus.valueOf(status), error(status, scimType, detail));
    }

    /** Writes an error on a response nothing was written to yet (filters, before Spring MVC). */
    static void write(HttpServletResponse response, int status, String scimType, String detail) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(ScimJson.CONTENT_TYPE);
        byte[] body = ScimJson.bytes(error(status, scimType, detail));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The text of a status for a {@code detail}, as a client developer reads it. */
    static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error " + status;
    }
}
