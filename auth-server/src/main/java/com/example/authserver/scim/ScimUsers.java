package com.example.authserver.scim;

import com.example.authserver.administration.UserAdministration;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityProperties;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.PasswordPolicy;
import com.example.authserver.identity.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM's user operations on the store: reads through {@link UserQueries}, every change through {@link
 * UserAdministration} on channel {@code scim} (so {@code active: false} disables as the console does, and a delete
 * ends sessions and grants as the account deletion does). A request is checked whole before the first change: the
 * {@code If-Match} version, read-only attributes, the password policy, unique user name and email.
 */
@Service
class ScimUsers {

    private final UserManager users;

    private final UserAdministration administration;

    private final UserQueries queries;

    private final UserResources resources;

    private final PasswordPolicy passwordPolicy;

    private final IdentityProperties identity;

    ScimUsers(
            UserManager users,
            UserAdministration administration,
            UserQueries queries,
            UserResources resources,
            PasswordPolicy passwordPolicy,
            IdentityProperties identity) {
        this.users = users;
        this.administration = administration;
        this.queries = queries;
        this.resources = resources;
        this.passwordPolicy = passwordPolicy;
        this.identity = identity;
    }

    ObjectNode read(String id, String base) throws ScimException {
        return render(find(id), base);
    }

    ObjectNode render(ApplicationUser user, String base) {
        return resources.toNode(user, roles(user), base);
    }

    List<ObjectNode> render(List<ApplicationUser> page, String base) {
        var roles = queries.rolesOf(page.stream().map(ApplicationUser::getId).toList());
        return page.stream()
                .map(user -> resources.toNode(user, roles.getOrDefault(user.getId(), List.of()), base))
                .toList();
    }

    @Transactional(rollbackFor = Exception.class) // all of the request or nothing
    ApplicationUser create(ObjectNode body) throws ScimException {
        ApplicationUser user = new ApplicationUser();
        UserResources.Requested requested = resources.apply(body, user);
        requireStrong(requested.password());
        requireUnique(user);
        ApplicationUser created = administration.create(user, requested.password(), UserAdministration.SCIM);
        if (Boolean.FALSE.equals(requested.active())) {
            administration.setActive(created.getId(), false, UserAdministration.SCIM);
        }
        return find(created.getId());
    }

    @Transactional(rollbackFor = Exception.class) // all of the request or nothing
    ApplicationUser replace(String id, ObjectNode body, String ifMatch, ScimCaller caller) throws ScimException {
        ApplicationUser user = changeable(id, ifMatch, caller);
        JsonNode claimedId = body.get("id");
        if (claimedId != null && !claimedId.isNull() && !id.equals(claimedId.asText())) {
            throw BadRequestException.mutability("id cannot be changed.");
        }
        return store(user, resources.apply(body, user));
    }

    @Transactional(rollbackFor = Exception.class) // all of the request or nothing
    ApplicationUser patch(String id, PatchRequest patch, String ifMatch, ScimCaller caller, String base)
            throws ScimException {
        ApplicationUser user = changeable(id, ifMatch, caller);
        ObjectNode before = render(user, base);
        GenericScimResource patched = new GenericScimResource(before.deepCopy());
        try {
            patch.apply(patched);
        } catch (RuntimeException e) {
            // the SDK reports bad operations as ScimExceptions; anything else it meets is still the request's fault
            throw BadRequestException.invalidValue("The patch cannot be applied to this user.");
        }
        ObjectNode after = patched.getObjectNode();
        for (String readOnly : List.of("id", "meta", "groups")) {
            if (!Objects.equals(before.get(readOnly), after.get(readOnly))) {
                throw BadRequestException.mutability(readOnly + " is read-only.");
            }
        }
        for (ExtensionProperty property : resources.extensionsReadOnly()) {
            if (!Objects.equals(before.at(pointer(property)), after.at(pointer(property)))) {
                throw BadRequestException.mutability(property.name() + " is read-only.");
            }
        }
        return store(user, resources.apply(after, user));
    }

    @Transactional(rollbackFor = Exception.class) // all of the request or nothing
    void delete(String id, String ifMatch, ScimCaller caller) throws ScimException {
        changeable(id, ifMatch, caller);
        administration.delete(id, UserAdministration.SCIM);
    }

    ApplicationUser find(String id) throws ResourceNotFoundException {
        return users.findById(id).orElseThrow(() -> new ResourceNotFoundException("No user " + id + "."));
    }

    private ApplicationUser store(ApplicationUser user, UserResources.Requested requested) throws ScimException {
        requireStrong(requested.password());
        requireUnique(user);
        administration.update(user, UserAdministration.SCIM);
        if (requested.password() != null) {
            administration.setPassword(user.getId(), requested.password(), UserAdministration.SCIM);
        }
        if (requested.active() != null) {
            administration.setActive(user.getId(), requested.active(), UserAdministration.SCIM);
        }
        return find(user.getId());
    }

    /** The user, if the caller may change them and the request's {@code If-Match} names the current version. */
    private ApplicationUser changeable(String id, String ifMatch, ScimCaller caller) throws ScimException {
        ApplicationUser user = find(id);
        ETags.requireMatch(ifMatch, ETags.of(user));
        if (!caller.adminScope() && isAdministrator(user)) {
            // a provisioning client could otherwise take over an administrator by setting their password
            throw new ForbiddenException("Only a token with scope admin may change an administrator.");
        }
        return user;
    }

    private boolean isAdministrator(ApplicationUser user) {
        return roles(user).stream().anyMatch(role -> IdentityRole.ADMIN.equals(role.getNormalizedName()));
    }

    private List<IdentityRole> roles(ApplicationUser user) {
        return queries.rolesOf(List.of(user.getId())).getOrDefault(user.getId(), List.of());
    }

    private void requireStrong(String password) throws BadRequestException {
        if (password != null && !passwordPolicy.problems(password).isEmpty()) {
            throw BadRequestException.invalidValue(
                    "The password is refused by the password policy: " + passwordPolicy.problems(password) + ".");
        }
    }

    private void requireUnique(ApplicationUser user) throws ScimException {
        if (!UserManager.isAllowedUserName(user.getUserName(), user.getEmail())) {
            throw BadRequestException.invalidValue(
                    "A userName that looks like an email address must be the user's own email.");
        }
        if (users.findByName(user.getUserName())
                .filter(other -> !other.getId().equals(user.getId()))
                .isPresent()) {
            throw ResourceConflictException.uniqueness("userName '" + user.getUserName() + "' is taken.");
        }
        if (user.getEmail() != null
                && identity.isRequireUniqueEmail()
                && users.findByEmail(user.getEmail())
                        .filter(other -> !other.getId().equals(user.getId()))
                        .isPresent()) {
            throw ResourceConflictException.uniqueness("The email address is taken.");
        }
    }

    private static String pointer(ExtensionProperty property) {
        return "/" + property.schema().replace("~", "~0").replace("/", "~1") + "/" + property.name();
    }
}
