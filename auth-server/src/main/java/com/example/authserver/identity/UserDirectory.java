package com.example.authserver.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds users for administrators: by the start of their user name or email address, case-insensitive (on the
 * normalized columns, so that an index serves it at any number of users), in user-name order, a page at a time. Pages
 * are keyed by the last (or first) normalized user name shown rather than counted by offset: the next page costs the
 * same at the millionth user as at the first, and a user added meanwhile never shifts a page.
 */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

    /** The longest search text taken: longer than any normalized column, so never a real prefix. */
    public static final int MAX_SEARCH_LENGTH = 256;

    /** One page of users; {@code first}/{@code last} are the keys of the pages around it. */
    public record Page(List<ApplicationUser> users, boolean hasPrevious, boolean hasNext) {

        public String first() {
            return users.isEmpty() ? null : users.get(0).getNormalizedUserName();
        }

        public String last() {
            return users.isEmpty() ? null : users.get(users.size() - 1).getNormalizedUserName();
        }
    }

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    /**
     * The users whose user name or email starts with {@code search} (blank: everyone), after the normalized user name
     * {@code after}, or before {@code before} when that is given (the previous page); neither: the first page.
     */
    public Page search(String search, String after, String before, int size) {
        String prefix = search == null || search.isBlank() ? null : likePrefix(LookupNormalizer.normalizeName(search));
        PageRequest oneMore = PageRequest.of(0, size + 1);
        if (before != null) {
            List<ApplicationUser> found = new ArrayList<>(
                    prefix == null
                            ? users.findByNormalizedUserNameLessThanOrderByNormalizedUserNameDesc(before, oneMore)
                            : users.findMatchingBefore(prefix, before, oneMore));
            boolean hasPrevious = found.size() > size;
            List<ApplicationUser> page = new ArrayList<>(found.subList(0, Math.min(size, found.size())));
            Collections.reverse(page);
            return new Page(page, hasPrevious, true);
        }
        String from = after == null ? "" : after;
        List<ApplicationUser> found = prefix == null
                ? users.findByNormalizedUserNameGreaterThanOrderByNormalizedUserName(from, oneMore)
                : users.findMatchingAfter(prefix, from, oneMore);
        return new Page(
                List.copyOf(found.subList(0, Math.min(size, found.size()))), after != null, found.size() > size);
    }

    /** A LIKE pattern matching what starts with {@code text}: its own wildcards taken literally ('!' escapes). */
    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
