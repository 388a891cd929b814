package com.example.authserver.samples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The quickstart's journey in a real headless Chromium, against the running samples (./run.sh, or the archetype's
 * integration test): the web application, the authorization server and the API, all started beforehand. Skipped
 * unless {@code -Dsamples.journey.web-url=http://127.0.0.1:8080} names the web application
 * ({@code samples.journey.server-url} names the server, default http://localhost:9000), and where Chromium is
 * missing (Debian's chromium and chromium-driver in /usr/bin; CHROMIUM and CHROMEDRIVER point elsewhere).
 *
 * <p>Web → Sign in → the server's sign-in page (alice) → consent → the claims → Call the API → Sign out; then signed
 * in again, the session ended at the server ends the web application's session too (back-channel logout). A failing
 * step leaves a screenshot of the page in target/screenshots.
 */
class SamplesJourneyTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Back-channel deliveries are queued at the server and sent by its scheduler: allow it some seconds. */
    private static final Duration BACK_CHANNEL_WAIT = Duration.ofSeconds(60);

    private String webUrl;

    private String serverUrl;

    private WebDriver browser;

    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        webUrl = trimmed(System.getProperty("samples.journey.web-url"));
        assumeTrue(
                webUrl != null,
                "The samples' browser journey runs against running samples: set -Dsamples.journey.web-url"
                        + " (and -Dsamples.journey.server-url) to run it");
        serverUrl = trimmed(System.getProperty("samples.journey.server-url", "http://localhost:9000"));
        Path chromium = executable("CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
        assumeTrue(
                Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
                "No Chromium at " + chromium + " with its driver at " + chromedriver
                        + " (install Debian's chromium and chromium-driver, or set CHROMIUM and CHROMEDRIVER)");
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1000",
                "--lang=en-US",
                "--no-first-run",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(chromedriver.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void signInCallTheApiAndSignOut(TestInfo test) {
        journey(test, () -> {
            browser.get(webUrl + "/");
            waitFor(By.id("signed-out"));

            signInAsAlice();
            String claims = waitFor(By.id("claims")).getText();
            assertThat(claims).contains("sub").contains("Alice Smith").contains("preferred_username alice");
            String subject = claimValue("sub");

            browser.findElement(By.id("call-api")).click();
            String answer = waitFor(By.id("api-answer")).getText();
            assertThat(answer)
                    .contains("\"sub\" : \"" + subject + "\"")
                    .contains("scope1")
                    .contains("\"client_id\" : \"interactive\"");

            browser.get(webUrl + "/");
            waitFor(By.id("sign-out")).click();
            // RP-initiated logout: through the server's end-session endpoint, back to the web application's home
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(webUrl + "/"));
            waitFor(By.id("signed-out"));
            browser.get(webUrl + "/call-api");
            assertThat(browser.getCurrentUrl()).startsWith(serverUrl);
        });
    }

    @Test
    void endingTheSessionAtTheServerEndsItInTheWebApplication(TestInfo test) {
        journey(test, () -> {
            browser.get(webUrl + "/");
            signInAsAlice();
            waitFor(By.id("claims"));

            // signed out at the server itself, not through the web application: only the back-channel tells it
            browser.get(serverUrl + "/logout");
            waitFor(By.cssSelector("form[action$='/logout'] button[type=submit]"))
                    .click();
            new WebDriverWait(browser, WAIT)
                    .until(driver -> !driver.getCurrentUrl().endsWith("/logout"));

            new WebDriverWait(browser, BACK_CHANNEL_WAIT)
                    .pollingEvery(Duration.ofSeconds(1))
                    .until(driver -> {
                        driver.get(webUrl + "/");
                        return !driver.findElements(By.id("signed-out")).isEmpty();
                    });
        });
    }

    /** From the web application's home page: Sign in, the server's sign-in page, its consent page where shown. */
    private void signInAsAlice() {
        waitFor(By.id("sign-in")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains(serverUrl));
        waitFor(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("Pass123$");
        browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]"))
                .click();
        new WebDriverWait(browser, WAIT)
                .until(driver -> !driver.findElements(By.id("consent-allow")).isEmpty()
                        || !driver.findElements(By.id("signed-in")).isEmpty());
        List<WebElement> consent = browser.findElements(By.id("consent-allow"));
        if (!consent.isEmpty()) {
            consent.get(0).findElement(By.cssSelector("button[type=submit]")).click();
        }
        waitFor(By.id("signed-in"));
        assertThat(browser.getCurrentUrl()).startsWith(webUrl);
    }

    private String claimValue(String name) {
        return browser.findElements(By.cssSelector("#claims tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().equals(name))
                .map(row -> row.findElement(By.tagName("td")).getText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no claim " + name + " on the page"));
    }

    private WebElement waitFor(By element) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    /** Runs the steps; when one fails, the page it ended on is saved as target/screenshots/...-failed.png. */
    private void journey(TestInfo test, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError ex) {
            screenshot(test.getTestMethod().orElseThrow().getName());
            throw ex;
        }
    }

    private void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(
                    Path.of("target", "screenshots", getClass().getSimpleName()));
            Path file = folder.resolve(name + "-failed.png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            System.err.println("Screenshot of " + browser.getCurrentUrl() + ": " + file.toAbsolutePath());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (RuntimeException ex) {
            System.err.println("No screenshot: " + ex.getMessage());
        }
    }

    private static Path executable(String variable, String fallback) {
        String named = System.getProperty(variable, System.getenv(variable));
        return Path.of(named == null || named.isBlank() ? fallback : named);
    }

    private static String trimmed(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
