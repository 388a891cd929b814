package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the page sources (no server needed): all text comes from messages.properties,
 * nothing inline or from another site (the CSP allows only 'self': scripts are files under static/js), every form is
 * CSRF-protected.
 */
class PageTemplateTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    static final Path PAGES_SOURCE =
            Path.of("src/main/java", PageTemplateTests.class.getPackageName().replace('.', '/'));

    static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

    /** Attributes whose values people read or hear. */
    static final List<String> HUMAN_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label", "value");

    static List<Path> templates;

    static Properties messages;

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(file -> file.toString().endsWith(".html"))
                    .sorted()
                    .toList();
        }
        messages = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES, StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        assertThat(templates).isNotEmpty();
    }

    @Test
    void templatesContainNoHardCodedText() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates) {
            Document document = parse(template);
            for (TextNode text : document.select("*").textNodes()) {
                if (!text.isBlank()) {
                    hardCoded.add(template.getFileName() + ": \"" + text.text().strip() + "\"");
                }
            }
            for (Element element : document.getAllElements()) {
                for (String name : HUMAN_ATTRIBUTES) {
                    String value = element.attr(name);
                    boolean machineValue =
                            name.equals("value") && !element.attr("type").equals("submit");
                    if (!value.isBlank() && !machineValue) {
                        hardCoded.add(template.getFileName() + ": " + name + "=\"" + value + "\"");
                    }
                }
            }
        }
        assertThat(hardCoded).as("text belongs in messages.properties").isEmpty();
    }

    @Test
    void everyMessageKeyUsedByThePagesExists() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        Pattern templateKey = Pattern.compile("[#]\\{([\\w.]+)");
        for (Path template : templates) {
            collectMissing(templateKey, Files.readString(template), missing);
        }
        Pattern controllerKey = Pattern.compile("\"((?:login|logout|home|consent|error|scope)\\.[\\w.]+)\"");
        try (Stream<Path> sources = Files.list(PAGES_SOURCE)) {
            for (Path source : sources.toList()) {
                collectMissing(controllerKey, Files.readString(source), missing);
            }
        }
        for (String key : List.of(
                "scope.openid",
                "scope.profile",
                "scope.email",
                "scope.scope1",
                "scope.scope2",
                "scope.unknown",
                "error.400",
                "error.403",
                "error.404",
                "error.generic")) {
            if (!messages.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void templatesHaveNoInlineScriptsStylesOrOtherSitesAssets() throws IOException {
        for (Path template : templates) {
            Document document = parse(template);
            assertThat(document.select("style, [style]"))
                    .as(template + ": inline style")
                    .isEmpty();
            for (Element script : document.select("script")) {
                assertThat(script.attr("th:src"))
                        .as(template + ": inline script")
                        .startsWith("@{/js/");
                assertThat(script.data()).as(template + ": script with a body").isBlank();
            }
            for (Element element : document.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    assertThat(attribute.getKey())
                            .as(template + ": event handler")
                            .doesNotStartWith("on");
                }
            }
            for (Element asset : document.select("link[href], img[src], [th:href], [th:src]")) {
                String url = asset.hasAttr("th:href")
                        ? asset.attr("th:href")
                        : asset.attr("th:src") + asset.attr("href") + asset.attr("src");
                assertThat(url).as(template + ": local asset").doesNotContain("//");
            }
        }
    }

    @Test
    void everyFormButASearchPostsWithThActionSoItCarriesACsrfToken() throws IOException {
        for (Path template : templates) {
            for (Element form : parse(template).select("form")) {
                assertThat(form.attr("th:action")).as(template + ": th:action").isNotBlank();
                assertThat(form.hasAttr("action"))
                        .as(template + ": plain action")
                        .isFalse();
                if (form.attr("method").equals("get")) { // a search changes nothing: no CSRF token needed
                    assertThat(form.attr("role"))
                            .as(template + ": a GET form is a search")
                            .isEqualTo("search");
                } else {
                    assertThat(form.attr("method")).as(template + ": method").isEqualTo("post");
                }
            }
        }
    }

    @Test
    void everyPageUsesTheSharedLayout() throws IOException {
        for (Path template : templates) {
            if (template.getParent().equals(TEMPLATES)) {
                assertThat(parse(template).selectFirst("html").attr("th:replace"))
                        .as(template + ": layout")
                        .startsWith("~{fragments/layout :: layout(");
            }
        }
    }

    private static Document parse(Path template) throws IOException {
        return Jsoup.parse(Files.readString(template));
    }

    private static void collectMissing(Pattern pattern, String source, TreeSet<String> missing) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            if (!messages.containsKey(matcher.group(1))) {
                missing.add(matcher.group(1));
            }
        }
    }
}
