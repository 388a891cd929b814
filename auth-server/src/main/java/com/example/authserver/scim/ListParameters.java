package com.example.authserver.scim;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.SearchRequest;
import com.unboundid.scim2.common.messages.SortOrder;

/**
 * A list request's parameters (RFC 7644 section 3.4.2), from the query string or a {@code /.search} body: the filter
 * (parsed within {@link ScimFilters}' bounds), the sort attribute's key, and the page: {@code startIndex} from 1,
 * {@code count} at most {@value #MAX_COUNT} (a larger count is capped, as section 3.4.2.4 allows).
 */
record ListParameters(Filter filter, String sortKey, boolean descending, int startIndex, int count) {

    static final int MAX_COUNT = 200;

    static final int DEFAULT_COUNT = 100;

    static ListParameters of(
            String filter, String sortBy, String sortOrder, Integer startIndex, Integer count, String coreSchema)
            throws BadRequestException {
        String sortKey = null;
        if (sortBy != null && !sortBy.isBlank()) {
            sortKey = ScimFilters.key(Path.fromString(sortBy), coreSchema);
        }
        boolean descending;
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
            descending = false;
        } else if (sortOrder.equalsIgnoreCase("descending")) {
            descending = true;
        } else {
            throw BadRequestException.invalidValue("sortOrder is ascending or descending.");
        }
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        return new ListParameters(ScimFilters.parse(filter), sortKey, descending, start, size);
    }

    static ListParameters of(SearchRequest search, String coreSchema) throws BadRequestException {
        SortOrder order = search.getSortOrder();
        return of(
                search.getFilter(),
                search.getSortBy(),
                order == null ? null : order.getName(),
                search.getStartIndex(),
                search.getCount(),
                coreSchema);
    }
}
