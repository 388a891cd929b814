package com.example.authserver.scim;

import com.example.authserver.identity.ApplicationUser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.messages.SearchRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /scim/v2/Users}: list and search, create, read, replace, patch, delete (RFC 7644 section 3). */
@RestController
@RequestMapping(ScimProtocol.BASE + "/Users")
class UsersController {

    private final ScimUsers users;

    private final UserQueries queries;

    UsersController(ScimUsers users, UserQueries queries) {
        this.users = users;
        this.queries = queries;
    }

    @GetMapping
    ResponseEntity<byte[]> list(
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String sortBy,
            @RequestParam(required = false) String sortOrder,
            @RequestParam(required = false) String startIndex,
            @RequestParam(required = false) String count,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            HttpServletRequest request)
            throws ScimException {
        ListParameters parameters = ListParameters.of(
                filter,
                sortBy,
                sortOrder,
                ScimRequests.integer("startIndex", startIndex),
                ScimRequests.integer("count", count),
                UserSchema.CORE);
        return list(parameters, AttributeSelection.of(attributes, excludedAttributes, UserSchema.CORE), request);
    }

    @PostMapping("/.search")
    ResponseEntity<byte[]> search(@RequestBody(required = false) byte[] body, HttpServletRequest request)
            throws ScimException {
        ScimRequests.json(request, body);
        SearchRequest search = ScimJson.read(body, SearchRequest.class);
        return list(
                ListParameters.of(search, UserSchema.CORE),
                AttributeSelection.of(search.getAttributes(), search.getExcludedAttributes(), UserSchema.CORE),
                request);
    }

    private ResponseEntity<byte[]> list(
            ListParameters parameters, AttributeSelection selection, HttpServletRequest request) throws ScimException {
        UserQueries.Page page = queries.search(parameters);
        var resources = users.render(page.users(), ScimRequests.base(request)).stream()
                .map(selection::apply)
                .toList();
        return ScimRequests.list(resources, page.total(), parameters);
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> read(
            @PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request)
            throws ScimException {
        ObjectNode user = users.read(id, ScimRequests.base(request));
        String version = user.path("meta").path("version").asText();
        if (ifNoneMatch != null && ifNoneMatch.strip().equals(version)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(version).build();
        }
        AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes, UserSchema.CORE);
        return ScimRequests.resource(HttpStatus.OK, user, selection.apply(user));
    }

    @PostMapping
    ResponseEntity<byte[]> create(@RequestBody(required = false) byte[] body, HttpServletRequest request)
            throws ScimException {
        ApplicationUser created = users.create(ScimRequests.json(request, body));
        return shown(HttpStatus.CREATED, created, request);
    }

    @PutMapping("/{id}")
    ResponseEntity<byte[]> replace(
            @PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request)
            throws ScimException {
        ObjectNode resource = ScimRequests.json(request, body);
        ApplicationUser replaced = users.replace(id, resource, ifMatch, ScimCaller.of(request));
        return shown(HttpStatus.OK, replaced, request);
    }

    @PatchMapping("/{id}")
    ResponseEntity<byte[]> patch(
            @PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request)
            throws ScimException {
        ScimRequests.json(request, body);
        PatchRequest patch = ScimJson.read(body, PatchRequest.class);
        ApplicationUser patched = users.patch(id, patch, ifMatch, ScimCaller.of(request), ScimRequests.base(request));
        return shown(HttpStatus.OK, patched, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request)
            throws ScimException {
        users.delete(id, ifMatch, ScimCaller.of(request));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<byte[]> shown(HttpStatus status, ApplicationUser user, HttpServletRequest request) {
        ObjectNode resource = users.render(user, ScimRequests.base(request));
        return ScimRequests.resource(status, resource, resource);
    }
}
