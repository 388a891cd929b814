package com.example.authserver.scim;

import com.example.authserver.identity.IdentityRole;
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

/**
 * {@code /scim/v2/Groups}: the roles, their members changed by PATCH or PUT, deleted by DELETE (except the
 * administrator role).
 */
@RestController
@RequestMapping(ScimProtocol.BASE + "/Groups")
class GroupsController {

    private final ScimGroups groups;

    private final GroupQueries queries;

    GroupsController(ScimGroups groups, GroupQueries queries) {
        this.groups = groups;
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
                GroupResources.CORE);
        return list(parameters, AttributeSelection.of(attributes, excludedAttributes, GroupResources.CORE), request);
    }

    @PostMapping("/.search")
    ResponseEntity<byte[]> search(@RequestBody(required = false) byte[] body, HttpServletRequest request)
            throws ScimException {
        ScimRequests.json(request, body);
        SearchRequest search = ScimJson.read(body, SearchRequest.class);
        return list(
                ListParameters.of(search, GroupResources.CORE),
                AttributeSelection.of(search.getAttributes(), search.getExcludedAttributes(), GroupResources.CORE),
                request);
    }

    private ResponseEntity<byte[]> list(
            ListParameters parameters, AttributeSelection selection, HttpServletRequest request) throws ScimException {
        GroupQueries.Page page = queries.search(parameters);
        String base = ScimRequests.base(request);
        var resources = page.roles().stream()
                .map(role -> selection.apply(groups.render(role, base)))
                .toList();
        return ScimRequests.list(resources, page.total(), parameters);
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> read(
            @PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            HttpServletRequest request)
            throws ScimException {
        ObjectNode group = groups.render(groups.find(id), ScimRequests.base(request));
        AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes, GroupResources.CORE);
        return ScimRequests.resource(HttpStatus.OK, group, selection.apply(group));
    }

    @PostMapping
    ResponseEntity<byte[]> create(@RequestBody(required = false) byte[] body, HttpServletRequest request)
            throws ScimException {
        IdentityRole role = groups.create(ScimRequests.json(request, body), ScimCaller.of(request));
        ObjectNode group = groups.render(role, ScimRequests.base(request));
        return ScimRequests.resource(HttpStatus.CREATED, group, group);
    }

    @PutMapping("/{id}")
    ResponseEntity<byte[]> replace(
            @PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request)
            throws ScimException {
        ObjectNode resource = ScimRequests.json(request, body);
        String base = ScimRequests.base(request);
        groups.replace(id, resource, ifMatch, ScimCaller.of(request), base);
        ObjectNode group = groups.render(groups.find(id), base);
        return ScimRequests.resource(HttpStatus.OK, group, group);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request)
            throws ScimException {
        groups.delete(id, ifMatch, ScimCaller.of(request), ScimRequests.base(request));
        return ResponseEntity.noContent().build();
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
        String base = ScimRequests.base(request);
        groups.patch(id, patch, ifMatch, ScimCaller.of(request), base);
        ObjectNode group = groups.render(groups.find(id), base);
        return ScimRequests.resource(HttpStatus.OK, group, group);
    }
}
