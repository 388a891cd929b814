package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What every rendered page must have: the shared layout, one h1, labelled fields, nothing inline. */
public final class PageChecks {

    private PageChecks() {}

    public static void assertCommonLayout(Browser.Page page, String title) {
        Document document = page.document();
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en");
        String productName = document.select("header .brand").text();
        assertThat(productName).as("the product name (PageHeaderTests)").isNotBlank();
        assertThat(document.title()).isEqualTo(title + " \u00b7 " + productName);
        assertThat(document.select("meta[charset]")).hasSize(1);
        assertThat(document.select("meta[name=viewport]")).hasSize(1);
        assertThat(document.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/css/site.css");
        assertThat(document.select("h1")).as("one h1 per page").hasSize(1);
        assertThat(document.select("style, [style]")).as("nothing inline (CSP)").isEmpty();
        for (Element script : document.select("script")) {
            assertThat(script.attr("src"))
                    .as("scripts are this server's files (CSP)")
                    .startsWith("/js/");
            assertThat(script.data()).as("nothing inline (CSP)").isBlank();
        }
        for (Element field : document.select("input:not([type=hidden]), select, textarea")) {
            assertThat(field.id()).as("field %s has an id", field).isNotEmpty();
            assertThat(document.select("label[for=" + field.id() + "]"))
                    .as("label for %s", field.id())
                    .hasSize(1);
        }
        for (Element form : document.select("form")) {
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.select("input[type=hidden][name=_csrf]").val())
                    .as("CSRF token in %s", form.id())
                    .isNotBlank();
        }
    }
}
