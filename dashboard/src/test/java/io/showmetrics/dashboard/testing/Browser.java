package io.showmetrics.dashboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium driven by Selenium, against a running dashboard at {@code baseUrl}. */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    public Browser(String baseUrl) {
        this(baseUrl, null);
    }

    /**
     * A phone: Chromium's mobile emulation of a screen {@code width} × {@code height} CSS pixels at pixel ratio 2 (an
     * iPhone 14 is 390 × 844), which honours the pages' viewport meta tag as a phone does.
     */
    public static Browser phone(String baseUrl, int width, int height) {
        return new Browser(baseUrl, java.util.Map.of("deviceMetrics",
                java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "mobile", true, "touch", true)));
    }

    private Browser(String baseUrl, java.util.Map<String, Object> mobileEmulation) {
        this.baseUrl = baseUrl;
        try {
            profile = Files.createTempDirectory("showmetrics-chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,1000",
                "--lang=en-US", "--force-device-scale-factor=1");
        if (mobileEmulation != null) {
            options.setExperimentalOption("mobileEmulation", mobileEmulation);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        // An upper bound, not a wait: springdoc builds /v3/api-docs on its first request, which took 7-13 s on a
        // loaded 2-core machine.
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code path}, without waiting for the page's data. */
    public void get(String path) {
        driver.get(baseUrl + path);
    }

    /** Opens {@code path} and waits until its script has rendered the data (main[data-ready=true]). */
    public void open(String path) {
        get(path);
        waitForData(path);
    }

    /**
     * Does something that loads a new page (submits a form, follows a link, a control that reloads the
     * page) and waits until the old page is gone and the new one has rendered its data. Waiting only for
     * data-ready would be satisfied by the old page when the new one has the same address.
     */
    public void navigate(Runnable action) {
        WebElement oldMain = driver.findElement(By.tagName("main"));
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(oldMain));
        waitForData(driver.getCurrentUrl());
    }

    private void waitForData(String page) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
            String ready = d.findElement(By.tagName("main")).getDomAttribute("data-ready");
            if ("error".equals(ready)) {
                throw new AssertionError("The page " + page + " failed to load its data: "
                        + d.findElement(By.tagName("main")).getText());
            }
            return "true".equals(ready);
        });
    }

    public void signIn(String user, String password) {
        get("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The ECharts option of the chart in element {@code id}, as {@code getOption()} returns it. */
    public Object chartOption(String id, String expression) {
        return js("const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                + "if (!c) { throw new Error('no chart in #' + arguments[0]); }"
                + "const o = c.getOption(); return " + expression + ";", id);
    }

    /** The text of every cell of column {@code column} in the table inside {@code containerId}, in row order. */
    @SuppressWarnings("unchecked")
    public List<String> column(String containerId, String column) {
        return (List<String>) js("return [...document.querySelectorAll('#' + arguments[0] + ' tbody td[data-col=\"'"
                + " + arguments[1] + '\"]')].map(td => td.textContent.trim());", containerId, column);
    }

    /** The text of cell {@code column} in the row with data-id {@code rowId}. */
    public String cell(String containerId, String rowId, String column) {
        return (String) js("const row = [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]"
                + ".find(r => r.dataset.id === arguments[1]);"
                + "if (!row) { throw new Error('no row ' + arguments[1]); }"
                + "return row.querySelector('td[data-col=\"' + arguments[2] + '\"]').textContent.trim();",
                containerId, rowId, column);
    }

    /** Saves a full-page PNG to {@code /tmp/dash-<name>.png}. */
    public Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        long height = (Long) js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 120, 6000)));
        js("window.dispatchEvent(new Event('resize'));");
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        driver.manage().window().setSize(before);
        Path file = Path.of("/tmp", "dash-" + name + ".png");
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Saves the whole page as the emulated screen renders it (every pixel, past the bottom of the screen) to
     * {@code /tmp/dash-<name>.png}: a window resize, as {@link #screenshot} does, would not reach an emulated phone.
     */
    public Path pageScreenshot(String name) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> metrics = (java.util.Map<String, Object>) driver.executeCdpCommand(
                "Page.getLayoutMetrics", java.util.Map.of());
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> content = (java.util.Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 8000);
        java.util.Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", java.util.Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = Path.of("/tmp", "dash-" + name + ".png");
        try {
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the browser profile " + profile, e);
        }
    }
}
