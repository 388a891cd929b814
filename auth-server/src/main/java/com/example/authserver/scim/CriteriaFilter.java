package com.example.authserver.scim;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a parsed SCIM filter into one JPA criteria predicate, so that filtering, counting and paging happen in
 * the database (on the indexed normalized columns for {@code userName} and {@code emails}). Each comparison is
 * handed to the resource's {@link Attributes}; {@code and}, {@code or}, {@code not} and {@code attr[...]} groups are
 * combined here.
 */
final class CriteriaFilter implements FilterVisitor<Predicate, String> {

    /** What a resource's attributes mean in the database. */
    interface Attributes {

        /**
         * The predicate for one comparison on the attribute {@code key} ({@link ScimFilters#key}); {@code
         * invalidFilter} for an attribute or operator the resource cannot filter on.
         */
        Predicate compare(String key, FilterType type, ValueNode value) throws ScimException;

        String coreSchema();
    }

    private final CriteriaBuilder builder;

    private final Attributes attributes;

    CriteriaFilter(CriteriaBuilder builder, Attributes attributes) {
        this.builder = builder;
        this.attributes = attributes;
    }

    Predicate translate(Filter filter) throws ScimException {
        return filter == null ? builder.conjunction() : filter.visit(this, null);
    }

    private Predicate leaf(Filter filter, String parent) throws ScimException {
        String key = ScimFilters.key(filter.getAttributePath(), attributes.coreSchema());
        if (parent != null) {
            key = parent + "." + key;
        }
        return attributes.compare(key, filter.getFilterType(), filter.getComparisonValue());
    }

    @Override
    public Predicate visit(EqualFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(NotEqualFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(ContainsFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(StartsWithFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(EndsWithFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(PresentFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(GreaterThanFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(GreaterThanOrEqualFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(LessThanFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(LessThanOrEqualFilter filter, String parent) throws ScimException {
        return leaf(filter, parent);
    }

    @Override
    public Predicate visit(AndFilter filter, String parent) throws ScimException {
        return builder.and(combined(filter, parent));
    }

    @Override
    public Predicate visit(OrFilter filter, String parent) throws ScimException {
        return builder.or(combined(filter, parent));
    }

    @Override
    public Predicate visit(NotFilter filter, String parent) throws ScimException {
        return builder.not(filter.getInvertedFilter().visit(this, parent));
    }

    @Override
    public Predicate visit(ComplexValueFilter filter, String parent) throws ScimException {
        if (parent != null) {
            throw BadRequestException.invalidFilter("Value filters cannot be nested.");
        }
        // each multi-valued attribute here holds at most one value, so "a value matching all of" is "all of"
        String key = ScimFilters.key(filter.getAttributePath(), attributes.coreSchema());
        return filter.getValueFilter().visit(this, key);
    }

    private Predicate[] combined(Filter filter, String parent) throws ScimException {
        List<Predicate> predicates = new ArrayList<>();
        for (Filter part : filter.getCombinedFilters()) {
            predicates.add(part.visit(this, parent));
        }
        return predicates.toArray(Predicate[]::new);
    }

    static BadRequestException unsupported(String key, FilterType type) {
        return BadRequestException.invalidFilter(
                "Filtering with '" + type.getStringValue() + "' on '" + key + "' is not supported.");
    }
}
