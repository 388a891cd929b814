package com.example.authserver.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real headless Chromium for a test, driven through Selenium: register it with {@code @RegisterExtension} on a
 * static field (the tests of a class run one after the other). Each test gets a fresh browser (a new profile: no
 * cookies, no passkeys), and the browser is always quit after it. The page a failing test ended on is saved as
 * {@code target/screenshots/<test class>/failed-<test>.png}; with the system property or environment variable
 * {@code SCREENSHOTS=all}, so is every page the test opens or reaches by a click, as {@code <nn>-<page>.png}, numbered
 * through the class (off by default: a screenshot costs Chromium about 140 ms).
 * <p>
 * Debian's {@code chromium} and {@code chromium-driver} are used, from {@code /usr/bin}; the system properties or
 * environment variables {@code CHROMIUM} and {@code CHROMEDRIVER} point elsewhere. Where they are missing, the test
 * class is skipped, not failed, with a message saying so (on the console once, and as each test's reason). Chromium
 * runs without its sandbox, which needs privileges a build user (or root, or a container) may not have: it only
 * ever opens the server under test.
 */
public final class RealBrowser implements ExecutionCondition, BeforeEachCallback, AfterEachCallback {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final Duration POLL = Duration.ofMillis(20);

    private static final boolean EVERY_PAGE = "all".equals(setting("SCREENSHOTS"));

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Map<String, AtomicInteger> shotsPerClass = new ConcurrentHashMap<>();

    private static final AtomicBoolean absenceReported = new AtomicBoolean();

    private String baseUrl;

    private WebDriver driver;

    private Path profile;

    private String testClass;

    /** A browser that opens paths on the server at {@code baseUrl}. */
    public RealBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A browser that opens paths on the {@link TestServer} of the test's Spring context ({@link ServerTest}). */
    public RealBrowser() {
        this(null);
    }

    /** Registered as a static field, skips the whole class (before its server starts) where there is no Chromium. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Path chromium = executable("CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
        if (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)) {
            return ConditionEvaluationResult.enabled("Chromium at " + chromium);
        }
        String reason = "Browser tests skipped: no Chromium at " + chromium + " with its driver at " + chromedriver
                + " (install Debian's chromium and chromium-driver, or set CHROMIUM and CHROMEDRIVER)";
        if (absenceReported.compareAndSet(false, true)) {
            System.err.println(reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Path chromium = executable("CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
        testClass = context.getRequiredTestClass().getSimpleName();
        if (baseUrl == null) {
            baseUrl = SpringExtension.getApplicationContext(context)
                    .getBean(TestServer.class)
                    .issuer();
        }
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
                // nothing but the server under test: no extensions, updates, sync or other background traffic,
                // which also makes each start shorter
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-sync",
                "--no-default-browser-check",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                screenshot("failed-" + context.getRequiredTestMethod().getName());
            }
        } finally {
            driver.quit();
            driver = null;
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path on the server (or a full URL), as typing it into the address bar. */
    public RealBrowser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
        return pageShown();
    }

    /** Types into the field (found by CSS selector), replacing what it held. */
    public RealBrowser type(String selector, String text) {
        WebElement field = find(selector);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks the element, typically a link or a submit button, and waits for the page it leads to. */
    public RealBrowser click(String selector) {
        String before = driver.getWindowHandle() + pageId();
        find(selector).click();
        waitForPageChangeFrom(before);
        return pageShown();
    }

    /** Clicks a button that runs a script (the passkey buttons): follow with one of the {@code await} methods. */
    public RealBrowser press(String selector) {
        find(selector).click();
        return this;
    }

    /** Waits until the page's first heading is this text (pages that scripts open), then keeps a screenshot. */
    public RealBrowser awaitHeading(String heading) {
        waiting()
                .withMessage(
                        () -> "heading '" + heading + "' on " + driver.getCurrentUrl() + ", showing: " + text("main"))
                .until(ExpectedConditions.textToBe(By.cssSelector("h1"), heading));
        return pageShown();
    }

    /** Waits until the browser shows a page at this path (where a script sent it), then keeps a screenshot. */
    public RealBrowser awaitPath(String path) {
        waiting()
                .withMessage(
                        () -> "page " + path + ", still on " + driver.getCurrentUrl() + " showing: " + text("main"))
                .until(d -> path.equals(URI.create(d.getCurrentUrl()).getPath()) && loaded());
        return pageShown();
    }

    /** Waits until the element is displayed (a message a script shows), then keeps a screenshot. */
    public RealBrowser awaitVisible(String selector) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector)));
        return pageShown();
    }

    public WebElement find(String selector) {
        return driver.findElement(By.cssSelector(selector));
    }

    public List<WebElement> findAll(String selector) {
        return driver.findElements(By.cssSelector(selector));
    }

    /** The visible text of the first element matching the selector. */
    public String text(String selector) {
        return find(selector).getText().strip();
    }

    public String heading() {
        return text("h1");
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Gives the browser a platform authenticator like a phone's or laptop's, which keeps passkeys and verifies its
     * user (Chromium's virtual authenticator, through the WebDriver extension): passkeys are then created and used
     * without anyone present.
     */
    public VirtualAuthenticator addPasskeyAuthenticator() {
        return ((HasVirtualAuthenticator) driver)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));
    }

    /** Saves a screenshot of the page now shown, named after its path, when every page is asked for. */
    public RealBrowser pageShown() {
        if (!EVERY_PAGE) {
            return this;
        }
        String path = URI.create(driver.getCurrentUrl()).getPath();
        String page = path == null || path.equals("/") || path.isEmpty()
                ? "home"
                : path.substring(1).replaceAll("[^A-Za-z0-9]+", "-");
        screenshot(page);
        return this;
    }

    private void screenshot(String page) {
        Path folder = SCREENSHOTS.resolve(testClass);
        int number = shotsPerClass
                .computeIfAbsent(testClass, name -> {
                    deleteScreenshotsOfAnEarlierRun(folder);
                    return new AtomicInteger();
                })
                .incrementAndGet();
        Path file = folder.resolve(String.format(Locale.ROOT, "%02d-%s.png", number, page.toLowerCase(Locale.ROOT)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteScreenshotsOfAnEarlierRun(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".png")).toList()) {
                Files.delete(file);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The document now shown: a click that submits a form replaces it even when the URL stays the same. */
    private String pageId() {
        try {
            return String.valueOf(((ChromeDriver) driver)
                    .executeScript(
                            "return window.__pageId || (window.__pageId = Math.random().toString(36).slice(2))"));
        } catch (WebDriverException ex) {
            // Chromium's own error page (a redirect to an address where no server listens) runs no scripts
            return "no page: " + driver.getCurrentUrl();
        }
    }

    /** Selenium looks every 500 ms by default: half a second lost after most clicks. */
    private WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT, POLL);
    }

    private void waitForPageChangeFrom(String before) {
        waiting()
                .withMessage(() -> "a new page after the click, still on " + driver.getCurrentUrl())
                .until(d -> !before.equals(d.getWindowHandle() + pageId()) && loaded());
    }

    private boolean loaded() {
        try {
            return "complete".equals(((ChromeDriver) driver).executeScript("return document.readyState"));
        } catch (WebDriverException ex) {
            return true;
        }
    }

    private static Path executable(String name, String fallback) {
        String configured = setting(name);
        return Path.of(configured == null || configured.isBlank() ? fallback : configured);
    }

    private static String setting(String name) {
        return System.getProperty(name, System.getenv(name));
    }
}
