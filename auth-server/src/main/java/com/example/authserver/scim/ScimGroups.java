package com.example.authserver.scim;

import com.example.authserver.administration.RoleAdministration;
import com.example.authserver.administration.UserAdministration;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * SCIM's group operations: a group is a role ({@link RoleManager}); its members change through {@link
 * UserAdministration#setRoles}, one audited {@code USER_ROLES_CHANGED} per user, and a new role is audited as {@code
 * ROLE_CREATED}. Member patches are applied as operations ({@code add}, {@code remove} with {@code members[value eq
 * "id"]} or a value list, {@code replace}), never by rewriting a listed membership that may be cut short. The {@code
 * admin} role's members change only with scope {@code admin}.
 */
@Service
class ScimGroups {

    private final RoleManager roles;

    private final UserManager users;

    private final UserAdministration administration;

    private final GroupQueries groups;

    private final UserQueries userQueries;

    private final RoleAdministration roleAdministration;

    ScimGroups(
            RoleManager roles,
            UserManager users,
            UserAdministration administration,
            GroupQueries groups,
            UserQueries userQueries,
            RoleAdministration roleAdministration) {
        this.roles = roles;
        this.users = users;
        this.administration = administration;
        this.groups = groups;
        this.userQueries = userQueries;
        this.roleAdministration = roleAdministration;
    }

    IdentityRole find(String id) throws ResourceNotFoundException {
        return groups.find(id).orElseThrow(() -> new ResourceNotFoundException("No group " + id + "."));
    }

    ObjectNode render(IdentityRole role, String base) {
        return GroupResources.toNode(
                role,
                userQueries.membersOf(role.getId(), GroupResources.MAX_MEMBERS),
                groups.memberCount(role.getId()),
                base);
    }

    IdentityRole create(ObjectNode body, ScimCaller caller) throws ScimException {
        requireSchema(body);
        JsonNode displayName = body.get("displayName");
        if (displayName == null
                || !displayName.isTextual()
                || displayName.textValue().isBlank()) {
            throw BadRequestException.invalidValue("displayName is required.");
        }
        String name = displayName.textValue().strip();
        if (name.length() > UserResources.MAX_LENGTH) {
            throw BadRequestException.invalidValue("displayName is too long.");
        }
        if (roles.findByName(name).isPresent()) {
            throw ResourceConflictException.uniqueness("A group named '" + name + "' exists.");
        }
        Set<String> members = memberIds(body.get("members"));
        requireAllowed(LookupNormalizer.normalizeName(name), caller);
        requireUsers(members);
        IdentityRole role;
        try {
            role = roleAdministration.create(name, UserAdministration.SCIM);
        } catch (IdentityException refused) { // a name the role store refuses, or one taken a moment ago
            throw "DuplicateRoleName".equals(refused.getCode())
                    ? ResourceConflictException.uniqueness(refused.getMessage())
                    : BadRequestException.invalidValue(refused.getMessage());
        }
        for (String member : members) {
            change(member, role, true);
        }
        return role;
    }

    void replace(String id, ObjectNode body, String ifMatch, ScimCaller caller, String base) throws ScimException {
        IdentityRole role = changeable(id, ifMatch, caller, base);
        requireSchema(body);
        requireSameName(role, body.get("displayName"));
        Set<String> wanted = memberIds(body.get("members"));
        requireUsers(wanted);
        Set<String> current =
                userQueries.membersOf(role.getId(), Integer.MAX_VALUE).keySet();
        for (String member : wanted) {
            if (!current.contains(member)) {
                change(member, role, true);
            }
        }
        for (String member : current) {
            if (!wanted.contains(member)) {
                change(member, role, false);
            }
        }
    }

    void patch(String id, PatchRequest patch, String ifMatch, ScimCaller caller, String base) throws ScimException {
        IdentityRole role = changeable(id, ifMatch, caller, base);
        for (PatchOperation operation : patch.getOperations()) {
            apply(role, operation);
        }
    }

    private void apply(IdentityRole role, PatchOperation operation) throws ScimException {
        Path path = operation.getPath();
        PatchOpType type = operation.getOpType();
        JsonNode value = operation.getJsonNode();
        if (path == null || path.isRoot()) {
            if (type == PatchOpType.REMOVE || value == null || !value.isObject()) {
                throw BadRequestException.noTarget("An operation without path needs an object value.");
            }
            requireSameName(role, value.get("displayName"));
            if (value.has("members")) {
                members(role, type, null, value.get("members"));
            }
            return;
        }
        String attribute = path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
        switch (attribute) {
            case "displayname" -> {
                if (type == PatchOpType.REMOVE) {
                    throw BadRequestException.mutability("displayName is required.");
                }
                requireSameName(role, value);
            }
            case "members" -> {
                if (path.size() > 1) {
                    throw BadRequestException.invalidPath("Members are added or removed whole.");
                }
                members(role, type, path.getElement(0).getValueFilter(), value);
            }
            case "id", "meta" -> throw BadRequestException.mutability(attribute + " is read-only.");
            default -> throw BadRequestException.invalidPath("A group has no attribute '" + attribute + "'.");
        }
    }

    private void members(IdentityRole role, PatchOpType type, Filter filter, JsonNode value) throws ScimException {
        if (type == PatchOpType.REMOVE) {
            Set<String> removed = filter != null
                    ? idsOf(filter)
                    : value != null && !value.isNull()
                            ? memberIds(value)
                            : userQueries
                                    .membersOf(role.getId(), Integer.MAX_VALUE)
                                    .keySet();
            for (String member : removed) {
                change(member, role, false);
            }
            return;
        }
        if (filter != null) {
            throw BadRequestException.invalidPath("Add or replace members without a value filter.");
        }
        Set<String> wanted = memberIds(value);
        requireUsers(wanted);
        if (type == PatchOpType.REPLACE) {
            for (String member :
                    userQueries.membersOf(role.getId(), Integer.MAX_VALUE).keySet()) {
                if (!wanted.contains(member)) {
                    change(member, role, false);
                }
            }
        }
        for (String member : wanted) {
            change(member, role, true);
        }
    }

    /** Gives or takes the role through the administration rules; nothing is recorded when nothing changes. */
    private void change(String userId, IdentityRole role, boolean member) throws ScimException {
        ApplicationUser user =
                users.findById(userId).orElseThrow(() -> BadRequestException.invalidValue("No user " + userId + "."));
        Set<String> names = new TreeSet<>(users.getRoleNames(user));
        boolean changed = member
                ? names.stream()
                                .noneMatch(name ->
                                        LookupNormalizer.normalizeName(name).equals(role.getNormalizedName()))
                        && names.add(role.getName())
                : names.removeIf(name -> LookupNormalizer.normalizeName(name).equals(role.getNormalizedName()));
        if (changed) {
            administration.setRoles(userId, names, UserAdministration.SCIM);
        }
    }

    /** Deletes the role (its members lose it); the administrator role stays ({@code mutability}). */
    void delete(String id, String ifMatch, ScimCaller caller, String base) throws ScimException {
        IdentityRole role = changeable(id, ifMatch, caller, base);
        try {
            roleAdministration.delete(role, UserAdministration.SCIM);
        } catch (IdentityException refused) {
            throw BadRequestException.mutability(refused.getMessage());
        }
    }

    private IdentityRole changeable(String id, String ifMatch, ScimCaller caller, String base) throws ScimException {
        IdentityRole role = find(id);
        if (ifMatch != null) {
            ETags.requireMatch(
                    ifMatch, render(role, base).path("meta").path("version").asText());
        }
        requireAllowed(role.getNormalizedName(), caller);
        return role;
    }

    private static void requireAllowed(String normalizedName, ScimCaller caller) throws ForbiddenException {
        if (IdentityRole.ADMIN.equals(normalizedName) && !caller.adminScope()) {
            throw new ForbiddenException("Only a token with scope admin may change the administrators.");
        }
    }

    private static void requireSameName(IdentityRole role, JsonNode displayName) throws BadRequestException {
        if (displayName != null
                && !displayName.isNull()
                && !(displayName.isTextual()
                        && LookupNormalizer.normalizeName(displayName.textValue())
                                .equals(role.getNormalizedName()))) {
            throw BadRequestException.mutability("A group's displayName (the role's name) cannot be changed.");
        }
    }

    private void requireUsers(Set<String> ids) throws BadRequestException {
        for (String id : ids) {
            if (users.findById(id).isEmpty()) {
                throw BadRequestException.invalidValue("No user " + id + ".");
            }
        }
    }

    private static void requireSchema(ObjectNode body) throws BadRequestException {
        JsonNode schemas = body.get("schemas");
        boolean named = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode urn : schemas) {
                named |= urn.isTextual() && urn.textValue().equalsIgnoreCase(GroupResources.CORE);
            }
        }
        if (!named) {
            throw BadRequestException.invalidSyntax("schemas must name " + GroupResources.CORE + ".");
        }
    }

    /** The user ids of a {@code members} value: a list of {@code {"value": id}} (or one such object). */
    private static Set<String> memberIds(JsonNode members) throws BadRequestException {
        Set<String> ids = new LinkedHashSet<>();
        if (members == null || members.isNull()) {
            return ids;
        }
        for (JsonNode member : members.isArray() ? members : java.util.List.of(members)) {
            JsonNode value = member.get("value");
            if (value == null || !value.isTextual() || value.textValue().isBlank()) {
                throw BadRequestException.invalidValue("Each member needs a value: the user's id.");
            }
            ids.add(value.textValue());
        }
        if (ids.size() > GroupResources.MAX_MEMBERS) {
            throw BadRequestException.tooMany("At most " + GroupResources.MAX_MEMBERS + " members per request.");
        }
        return ids;
    }

    /** {@code members[value eq "a"]}, or several such joined by {@code or}. */
    private static Set<String> idsOf(Filter filter) throws BadRequestException {
        Set<String> ids = new LinkedHashSet<>();
        if (filter.getFilterType() == FilterType.OR) {
            for (Filter part : filter.getCombinedFilters()) {
                ids.addAll(idsOf(part));
            }
            return ids;
        }
        if (filter.getFilterType() == FilterType.EQUAL
                && filter.getAttributePath().size() == 1
                && filter.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("value")
                && filter.getComparisonValue().isTextual()) {
            ids.add(filter.getComparisonValue().textValue());
            return ids;
        }
        throw BadRequestException.invalidFilter("Members are selected with value eq \"<user id>\".");
    }
}
