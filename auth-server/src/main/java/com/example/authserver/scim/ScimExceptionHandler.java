package com.example.authserver.scim;

import com.example.authserver.identity.IdentityException;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The SCIM controllers' errors in RFC 7644's form: the SDK's {@link ScimException}s as they are, the store's
 * refusals with their {@code scimType} ({@code uniqueness}, {@code invalidValue}), a stale version as 412. Errors
 * without a handler (unknown path, wrong method) get their SCIM body from {@link ScimErrorBodies}.
 */
@RestControllerAdvice(basePackageClasses = ScimExceptionHandler.class)
class ScimExceptionHandler {

    @ExceptionHandler(ScimException.class)
    ResponseEntity<byte[]> scim(ScimException exception) {
        return ScimErrors.response(exception);
    }

    @ExceptionHandler(IdentityException.class)
    ResponseEntity<byte[]> identity(IdentityException exception) {
        String code = exception.getCode() == null ? "" : exception.getCode();
        return switch (code) {
            case "DuplicateUserName", "DuplicateEmail" ->
                ScimErrors.response(409, BadRequestException.UNIQUENESS, exception.getMessage());
            case "UserNotFound" -> ScimErrors.response(404, null, exception.getMessage());
            case "LastAdministrator" -> ScimErrors.response(409, null, exception.getMessage());
            default -> ScimErrors.response(400, BadRequestException.INVALID_VALUE, exception.getMessage());
        };
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<byte[]> stale(ObjectOptimisticLockingFailureException exception) {
        return ScimErrors.response(412, null, "The resource was changed by someone else meanwhile: read it again.");
    }

    /** Two requests raced for the same user name or email: the database's unique index decided. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<byte[]> conflict(DataIntegrityViolationException exception) {
        return ScimErrors.response(409, BadRequestException.UNIQUENESS, "A unique value is taken.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<byte[]> mediaType(HttpMediaTypeNotSupportedException exception) {
        return ScimErrors.response(415, null, "Send application/scim+json.");
    }
}
