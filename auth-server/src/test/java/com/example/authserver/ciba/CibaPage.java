package com.example.authserver.ciba;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import java.util.Map;
import org.jsoup.nodes.Element;

/** The /ciba page as a signed-in user works it: the row of a request (found by its binding message), its buttons. */
final class CibaPage {

    private CibaPage() {}

    static Element row(Page page, String bindingMessage) {
        return page.document().select("tr[data-request]").stream()
                .filter(row -> row.select(".binding-message").text().equals(bindingMessage))
                .findFirst()
                .orElse(null);
    }

    /** Presses the button of the request's row, following the redirect back to the page. */
    static Page decide(Browser browser, String bindingMessage, String decision) {
        Page page = browser.navigate("/ciba");
        Element row = row(page, bindingMessage);
        if (row == null) {
            throw new AssertionError("No request '" + bindingMessage + "' on:\n" + page.body());
        }
        String id = row.attr("data-request");
        return browser.follow(browser.submit(page, "form[action$=/ciba/" + decision + "]", Map.of("id", id)));
    }
}
