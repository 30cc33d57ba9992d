package io.mvinfra.host.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by Selenium, with both paths given so nothing is downloaded at run
 * time. Without chromium the browser tests are skipped, unless MVINFRA_REQUIRE_SERVICES=1 (CI) makes that a failure.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = TestModule.PROJECT.resolve("target/screenshots");

    private final WebDriver driver;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static void requireChromium() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present && "1".equals(System.getenv("MVINFRA_REQUIRE_SERVICES"))) {
            fail("MVINFRA_REQUIRE_SERVICES=1 but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(present, "chromium and chromium-driver are not installed: browser tests skipped");
    }

    static Browser open(String base) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("mvinfra-chromium-");
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1440,1000",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
            return new Browser(new ChromeDriver(service, options), profile, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Goes to a route of the page (the part after #) and waits until the view has rendered. */
    void go(String route, String readyCss) {
        driver.get(base + "/#" + route);
        waitFor(readyCss);
    }

    WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void waitUntilGone(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement field(String code) {
        return waitFor("#f-" + code);
    }

    /** Types into the input of a form field, by the field's code. */
    void type(String code, String text) {
        typeInto(field(code), text);
    }

    void typeCss(String css, String text) {
        typeInto(waitFor(css), text);
    }

    private static void typeInto(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    void choose(String code, String visibleText) {
        WebElement select = field(code);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> select.findElements(By.tagName("option")).stream()
                .anyMatch(o -> o.getText().equals(visibleText)));
        new Select(select).selectByVisibleText(visibleText);
    }

    String text(String css) {
        return waitFor(css).getText();
    }

    void click(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Waits for the URL to name a new entity and returns its uuid. */
    String savedUuid(String cet) {
        String prefix = base + "/#/e/" + cet + "/";
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().startsWith(prefix) && !d.getCurrentUrl().endsWith("/new"));
        waitFor("#buttons, #entity-form");
        return driver.getCurrentUrl().substring(prefix.length());
    }

    String pageSource() {
        return driver.getPageSource();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The whole page, top to bottom: the window grows to the page's height for the shot, then shrinks back. */
    Path screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        try {
            script("window.scrollTo(0, 0)");
            long height = ((Number) script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
            long chrome = size.getHeight() - ((Number) script("return window.innerHeight")).longValue();
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, Math.max(size.getHeight(), height + chrome))));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp profile left behind is harmless
        }
    }
}
