package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both paths are given to
 * Selenium, so Selenium Manager never looks for (or downloads) a browser or a driver. A missing
 * package fails the test with the package to install; it is never skipped.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private static final List<String> SEVERE = List.of("serious", "critical");

    final ChromeDriver driver;
    private int shots;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static Chromium start() {
        Path browser = required("DHARMA_CHROMIUM", "/usr/bin/chromium", "chromium");
        Path chromedriver = required("DHARMA_CHROMEDRIVER", "/usr/bin/chromedriver", "chromium-driver");
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1000", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        clearScreenshots();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return new Chromium(driver);
    }

    private static Path required(String variable, String standard, String debianPackage) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured == null || configured.isBlank() ? standard : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: the console's browser tests need Debian's "
                    + debianPackage + " package (apt-get install -y " + debianPackage + "), or " + variable
                    + " set to where it is");
        }
        return path;
    }

    /** One run's pictures only: a test class numbers its screenshots from 01. */
    private static void clearScreenshots() {
        try (var old = Files.exists(SCREENSHOTS) ? Files.list(SCREENSHOTS) : java.util.stream.Stream.<Path>empty()) {
            for (Path file : old.filter(path -> path.toString().endsWith(".png")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows as target/browser-screenshots/NN-name.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("%02d-%s.png".formatted(++shots, name)), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's WCAG 2.1 A and AA rules on the page as it is now: no serious or critical violation. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> severe = results.getViolations().stream().filter(rule -> SEVERE.contains(rule.getImpact())).toList();
        assertThat(severe).as("serious or critical accessibility violations on %s:%n%s", page, describe(severe)).isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream()
                .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
