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
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads roles as SCIM Groups: filter, sort and page in the database, as {@link UserQueries} does for users. */
@Component
@Transactional(readOnly = true)
class GroupQueries {

    private final EntityManager entityManager;

    GroupQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    record Page(List<IdentityRole> roles, long total) {}

    Optional<IdentityRole> find(String id) {
        return Optional.ofNullable(entityManager.find(IdentityRole.class, id));
    }

    Page search(ListParameters parameters) throws ScimException {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<IdentityRole> counted = count.from(IdentityRole.class);
        count.select(cb.count(counted)).where(where(cb, count, counted, parameters));
        long total = entityManager.createQuery(count).getSingleResult();
        if (parameters.count() == 0 || total < parameters.startIndex()) {
            return new Page(List.of(), total);
        }
        CriteriaQuery<IdentityRole> query = cb.createQuery(IdentityRole.class);
        Root<IdentityRole> role = query.from(IdentityRole.class);
        query.select(role).where(where(cb, query, role, parameters));
        Path<?> sort = switch (parameters.sortKey() == null ? "displayname" : parameters.sortKey()) {
            case "id" -> role.get("id");
            case "displayname" -> role.get("normalizedName");
            default ->
                throw BadRequestException.invalidValue("Sorting by '" + parameters.sortKey() + "' is not supported.");
        };
        query.orderBy(parameters.descending() ? cb.desc(sort) : cb.asc(sort), cb.asc(role.get("id")));
        List<IdentityRole> roles = entityManager
                .createQuery(query)
                .setFirstResult(parameters.startIndex() - 1)
                .setMaxResults(parameters.count())
                .getResultList();
        return new Page(roles, total);
    }

    long memberCount(String roleId) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<ApplicationUser> user = query.from(ApplicationUser.class);
        Join<ApplicationUser, IdentityRole> role = user.join("roles");
        query.select(cb.count(user)).where(cb.equal(role.get("id"), roleId));
        return entityManager.createQuery(query).getSingleResult();
    }

    private Predicate where(CriteriaBuilder cb, AbstractQuery<?> query, Root<IdentityRole> role, ListParameters p)
            throws ScimException {
        return new CriteriaFilter(cb, new Attributes(cb, query, role)).translate(p.filter());
    }

    private static final class Attributes implements CriteriaFilter.Attributes {

        private final CriteriaBuilder cb;

        private final AbstractQuery<?> query;

        private final Root<IdentityRole> role;

        Attributes(CriteriaBuilder cb, AbstractQuery<?> query, Root<IdentityRole> role) {
            this.cb = cb;
            this.query = query;
            this.role = role;
        }

        @Override
        public String coreSchema() {
            return GroupResources.CORE;
        }

        @Override
        public Predicate compare(String key, FilterType type, ValueNode value) throws ScimException {
            return switch (key) {
                case "id" ->
                    ColumnComparison.exact(key, role.get("id"), Kind.STRING).predicate(cb, type, value);
                case "displayname" ->
                    ColumnComparison.normalized(key, role.get("normalizedName"), LookupNormalizer::normalizeName)
                            .predicate(cb, type, value);
                case "members", "members.value" -> member(key, type, value);
                case "meta.resourcetype" -> {
                    if (type != FilterType.EQUAL || value == null || !value.isTextual()) {
                        throw CriteriaFilter.unsupported(key, type);
                    }
                    yield value.textValue().toLowerCase(Locale.ROOT).equals("group")
                            ? cb.conjunction()
                            : cb.disjunction();
                }
                default -> throw BadRequestException.invalidFilter("Filtering on '" + key + "' is not supported.");
            };
        }

        private Predicate member(String key, FilterType type, ValueNode value) throws BadRequestException {
            Subquery<String> members = query.subquery(String.class);
            Root<ApplicationUser> user = members.from(ApplicationUser.class);
            Join<ApplicationUser, IdentityRole> joined = user.join("roles");
            Predicate sameRole = cb.equal(joined.get("id"), role.get("id"));
            if (type == FilterType.PRESENT) {
                return cb.exists(members.select(user.get("id")).where(sameRole));
            }
            if (type != FilterType.EQUAL || value == null || !value.isTextual()) {
                throw CriteriaFilter.unsupported(key, type);
            }
            return cb.exists(
                    members.select(user.get("id")).where(sameRole, cb.equal(user.get("id"), value.textValue())));
        }
    }
}
