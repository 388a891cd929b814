package com.example.authserver.scim;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.scim.ExtensionProperty.Kind;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.FilterType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads users for SCIM with JPA criteria queries: the whole filter, the sort and the page run in the database, so
 * a list costs one count and one page query whatever the number of users ({@code userName} and {@code emails} on
 * their indexed normalized columns; other attributes scan, bounded by the database, not by memory).
 */
@Component
@Transactional(readOnly = true)
class UserQueries {

    private final EntityManager entityManager;

    private final UserSchema schema;

    UserQueries(EntityManager entityManager, UserSchema schema) {
        this.entityManager = entityManager;
        this.schema = schema;
    }

    record Page(List<ApplicationUser> users, long total) {}

    Page search(ListParameters parameters) throws ScimException {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<ApplicationUser> counted = count.from(ApplicationUser.class);
        count.select(cb.count(counted)).where(where(cb, count, counted, parameters));
        long total = entityManager.createQuery(count).getSingleResult();
        if (parameters.count() == 0 || total < parameters.startIndex()) {
            return new Page(List.of(), total);
        }
        CriteriaQuery<ApplicationUser> query = cb.createQuery(ApplicationUser.class);
        Root<ApplicationUser> user = query.from(ApplicationUser.class);
        query.select(user).where(where(cb, query, user, parameters));
        Path<?> sort = parameters.sortKey() == null ? user.get("normalizedUserName") : sortColumn(user, parameters);
        query.orderBy(
                parameters.descending() ? cb.desc(sort) : cb.asc(sort),
                parameters.descending() ? cb.desc(user.get("id")) : cb.asc(user.get("id")));
        List<ApplicationUser> users = entityManager
                .createQuery(query)
                .setFirstResult(parameters.startIndex() - 1)
                .setMaxResults(parameters.count())
                .getResultList();
        return new Page(users, total);
    }

    /** Each user's roles, for the users of one page: one query, not one per user. */
    Map<String, List<IdentityRole>> rolesOf(Collection<String> userIds) {
        Map<String, List<IdentityRole>> roles = new HashMap<>();
        if (userIds.isEmpty()) {
            return roles;
        }
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<ApplicationUser> user = query.from(ApplicationUser.class);
        Join<ApplicationUser, IdentityRole> role = user.join("roles");
        query.multiselect(user.get("id"), role)
                .where(user.get("id").in(userIds))
                .orderBy(cb.asc(role.get("name")));
        for (Tuple row : entityManager.createQuery(query).getResultList()) {
            roles.computeIfAbsent(row.get(0, String.class), id -> new java.util.ArrayList<>())
                    .add(row.get(1, IdentityRole.class));
        }
        return roles;
    }

    /** The members of a role, by user name, at most {@code limit}. */
    Map<String, String> membersOf(String roleId, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<ApplicationUser> user = query.from(ApplicationUser.class);
        Join<ApplicationUser, IdentityRole> role = user.join("roles");
        query.multiselect(user.get("id"), user.get("userName"))
                .where(cb.equal(role.get("id"), roleId))
                .orderBy(cb.asc(user.get("normalizedUserName")));
        Map<String, String> members = new LinkedHashMap<>();
        for (Tuple row : entityManager.createQuery(query).setMaxResults(limit).getResultList()) {
            members.put(row.get(0, String.class), row.get(1, String.class));
        }
        return members;
    }

    private Predicate where(CriteriaBuilder cb, AbstractQuery<?> query, Root<ApplicationUser> user, ListParameters p)
            throws ScimException {
        return new CriteriaFilter(cb, new Attributes(cb, query, user)).translate(p.filter());
    }

    private Path<?> sortColumn(Root<ApplicationUser> user, ListParameters parameters) throws BadRequestException {
        String key = parameters.sortKey();
        return switch (key) {
            case "id" -> user.get("id");
            case "username" -> user.get("normalizedUserName");
            case "name.givenname" -> user.get("givenName");
            case "name.familyname" -> user.get("familyName");
            case "emails", "emails.value" -> user.get("normalizedEmail");
            case "phonenumbers", "phonenumbers.value" -> user.get("phoneNumber");
            case "active" -> user.get("enabled");
            default -> {
                ExtensionProperty property = schema.extension(key);
                if (property == null) {
                    throw BadRequestException.invalidValue(
                            "Sorting by '" + parameters.sortKey() + "' is not supported.");
                }
                yield user.get(property.name());
            }
        };
    }

    /** The user attributes a filter may name, and what each means in the database. */
    private final class Attributes implements CriteriaFilter.Attributes {

        private final CriteriaBuilder cb;

        private final AbstractQuery<?> query;

        private final Root<ApplicationUser> user;

        Attributes(CriteriaBuilder cb, AbstractQuery<?> query, Root<ApplicationUser> user) {
            this.cb = cb;
            this.query = query;
            this.user = user;
        }

        @Override
        public String coreSchema() {
            return UserSchema.CORE;
        }

        @Override
        public Predicate compare(String key, FilterType type, ValueNode value) throws ScimException {
            return switch (key) {
                case "id" ->
                    ColumnComparison.exact(key, user.get("id"), Kind.STRING).predicate(cb, type, value);
                case "username" ->
                    ColumnComparison.normalized(key, user.get("normalizedUserName"), LookupNormalizer::normalizeName)
                            .predicate(cb, type, value);
                case "name.givenname" ->
                    ColumnComparison.caseIgnoring(key, user.get("givenName")).predicate(cb, type, value);
                case "name.familyname" ->
                    ColumnComparison.caseIgnoring(key, user.get("familyName")).predicate(cb, type, value);
                case "emails", "emails.value" ->
                    ColumnComparison.normalized(key, user.get("normalizedEmail"), LookupNormalizer::normalizeEmail)
                            .predicate(cb, type, value);
                case "emails.type" -> typeOf(key, user.get("email"), UserResources.EMAIL_TYPE, type, value);
                case "emails.primary", "phonenumbers.primary" ->
                    primary(key, key.startsWith("emails") ? user.get("email") : user.get("phoneNumber"), type, value);
                case "phonenumbers", "phonenumbers.value" ->
                    ColumnComparison.exact(key, user.get("phoneNumber"), Kind.STRING)
                            .predicate(cb, type, value);
                case "phonenumbers.type" -> typeOf(key, user.get("phoneNumber"), UserResources.PHONE_TYPE, type, value);
                case "active" ->
                    ColumnComparison.exact(key, user.get("enabled"), Kind.BOOLEAN)
                            .predicate(cb, type, value);
                case "groups", "groups.value" -> inRole(key, "id", type, value, false);
                case "groups.display" -> inRole(key, "normalizedName", type, value, true);
                case "meta.resourcetype" -> resourceType(key, type, value);
                default -> extension(key, type, value);
            };
        }

        private Predicate extension(String key, FilterType type, ValueNode value) throws ScimException {
            ExtensionProperty property = schema.extension(key);
            if (property == null) {
                throw BadRequestException.invalidFilter("Filtering on '" + key + "' is not supported.");
            }
            Path<?> column = user.get(property.name());
            ColumnComparison comparison = property.kind() == Kind.STRING
                    ? ColumnComparison.caseIgnoring(key, column)
                    : ColumnComparison.exact(key, column, property.kind());
            return comparison.predicate(cb, type, value);
        }

        /** The one email (phone number) has the one type this server writes; pr and eq only. */
        private Predicate typeOf(String key, Path<?> column, String written, FilterType type, ValueNode value)
                throws BadRequestException {
            if (type == FilterType.PRESENT) {
                return cb.isNotNull(column);
            }
            if (type != FilterType.EQUAL || value == null || !value.isTextual()) {
                throw CriteriaFilter.unsupported(key, type);
            }
            return written.equalsIgnoreCase(value.textValue()) ? cb.isNotNull(column) : cb.disjunction();
        }

        private Predicate primary(String key, Path<?> column, FilterType type, ValueNode value)
                throws BadRequestException {
            if (type == FilterType.PRESENT) {
                return cb.isNotNull(column);
            }
            if (type != FilterType.EQUAL || value == null || !value.isBoolean()) {
                throw CriteriaFilter.unsupported(key, type);
            }
            return value.booleanValue() ? cb.isNotNull(column) : cb.disjunction();
        }

        private Predicate inRole(String key, String roleColumn, FilterType type, ValueNode value, boolean normalize)
                throws BadRequestException {
            Subquery<String> members = query.subquery(String.class);
            Root<ApplicationUser> member = members.from(ApplicationUser.class);
            Join<ApplicationUser, IdentityRole> role = member.join("roles");
            Predicate sameUser = cb.equal(member.get("id"), user.get("id"));
            if (type == FilterType.PRESENT) {
                return cb.exists(members.select(member.get("id")).where(sameUser));
            }
            if (type != FilterType.EQUAL || value == null || !value.isTextual()) {
                throw CriteriaFilter.unsupported(key, type);
            }
            String text = normalize ? LookupNormalizer.normalizeName(value.textValue()) : value.textValue();
            return cb.exists(members.select(member.get("id")).where(sameUser, cb.equal(role.get(roleColumn), text)));
        }

        private Predicate resourceType(String key, FilterType type, ValueNode value) throws BadRequestException {
            if (type != FilterType.EQUAL || value == null || !value.isTextual()) {
                throw CriteriaFilter.unsupported(key, type);
            }
            return value.textValue().toLowerCase(Locale.ROOT).equals("user") ? cb.conjunction() : cb.disjunction();
        }
    }
}
