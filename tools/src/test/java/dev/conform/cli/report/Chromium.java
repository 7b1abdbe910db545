package dev.conform.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the report's browser tests, from Debian's {@code chromium} and {@code
 * chromium-driver} packages (or {@code -Dconform.chromium=... -Dconform.chromedriver=...}). Where
 * they are missing the tests are skipped with a message naming what is missing, except under CI
 * ({@code CI=true}), whose {@code .ci/run} installs them: there a missing browser fails the test.
 */
public final class Chromium implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts a headless browser, or skips (fails under CI) the calling test when there is none. */
    public static Chromium start() {
        Path browser = find("conform.chromium", "chromium", "chromium-browser", "google-chrome");
        Path chromedriver = find("conform.chromedriver", "chromedriver");
        List<String> missing = new ArrayList<>();
        if (browser == null) {
            missing.add("the chromium browser (apt-get install chromium)");
        }
        if (chromedriver == null) {
            missing.add("chromedriver (apt-get install chromium-driver)");
        }
        if (!missing.isEmpty()) {
            String why = "browser test needs " + String.join(" and ", missing)
                    + " on PATH, or -Dconform.chromium / -Dconform.chromedriver";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + " (CI installs both in .ci/run and never skips browser tests)");
            }
            System.err.println("skipped: " + why);
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,900", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options));
    }

    private static Path find(String property, String... names) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : names) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a local HTML file. */
    public void open(Path html) {
        driver.get(html.toAbsolutePath().toUri().toString());
    }

    /** Runs a script in the page and returns its value ({@code return ...;}). */
    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** The page's console messages and uncaught errors at level SEVERE (errors) since the last call. */
    public List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** Keeps a screenshot of the page as target/report-screenshots/NAME.png for people to look at. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
