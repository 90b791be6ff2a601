package io.plumeline.reporting.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (no Selenium Manager, no download): screenshots go
 * to target/screenshots, downloads to a folder of target/downloads emptied at start.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final String base;

    Browser(int port, String name) {
        for (Path needed : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver packages; run ./plumeline test (it installs them) or apt-get install -y chromium chromium-driver");
            }
        }
        try {
            downloads = Files.createDirectories(Path.of("target", "downloads", name).toAbsolutePath());
            try (var earlier = Files.list(downloads)) {
                for (Path file : earlier.toList()) {
                    Files.delete(file);
                }
            }
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        base = "http://127.0.0.1:" + port;
    }

    void open(String path) {
        driver.get(base + path);
    }

    void signIn(String user, String password) {
        signIn(user, password, "");
    }

    /** Signs in on {@code /login.html} + {@code query} (e.g. {@code ?next=…}) and waits for the page it goes to. */
    void signIn(String user, String password, String query) {
        open("/login.html" + query);
        // Until login.js has wired the form (after it read /ui/settings), a click would submit it natively.
        waitFor(d -> ready(d) && d.findElement(By.id("username")).isDisplayed());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login.html") && ready(d));
    }

    /** The page has set body[data-ready]: its script has run (the app: its first data is shown). */
    static boolean ready(org.openqa.selenium.WebDriver driver) {
        return "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** What the page logged at SEVERE (uncaught errors, failed loads) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
