package com.example.authserver.admin.users;

import com.example.authserver.identity.UserDirectory;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user list: users whose user name or email address starts with the search text (any case; empty: everyone), in
 * user-name order, {@link #PAGE_SIZE} at a time with next and previous links (identity/UserDirectory).
 */
@Controller
class UserSearchController {

    static final String VIEW = "admin/users/list";

    static final int PAGE_SIZE = 20;

    private final UserDirectory directory;

    UserSearchController(UserDirectory directory) {
        this.directory = directory;
    }

    @GetMapping(UserPages.LIST)
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String before,
            Model model) {
        String search = q == null ? "" : q.strip();
        model.addAttribute("q", search);
        if (search.length() > UserDirectory.MAX_SEARCH_LENGTH || search.chars().anyMatch(Character::isISOControl)) {
            model.addAttribute("searchError", "admin.users.search.invalid");
            model.addAttribute("q", "");
            model.addAttribute("page", new UserDirectory.Page(List.of(), false, false));
            return VIEW;
        }
        model.addAttribute("page", directory.search(search, key(after), key(before), PAGE_SIZE));
        return VIEW;
    }

    /** A page key as a link carries it; anything no user name could be is ignored. */
    private static String key(String value) {
        return value == null || value.length() > UserDirectory.MAX_SEARCH_LENGTH ? null : value;
    }
}
