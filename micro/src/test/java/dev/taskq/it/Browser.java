package dev.taskq.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven by Selenium, as a user's browser: Debian's chromium and chromedriver (no download,
 * no Selenium Manager), a fresh profile that is deleted on close.
 */
final class Browser implements AutoCloseable {
    static final Dimension DESKTOP = new Dimension(1280, 1000);

    private final Path profile;
    private final ChromeDriver driver;

    Browser() {
        String chromedriver = System.getProperty("taskq.it.chromedriver", "/usr/bin/chromedriver");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver);
        try {
            profile = Files.createTempDirectory("taskq-it-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("taskq.it.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
    }

    /**
     * {@code base} on 127.0.0.1. Arquillian reports the address Payara Micro prints, the first interface's: it may be
     * an IPv6 address with a zone ({@code [fe80::…%veth0]}), which Chromium refuses, or a Docker bridge's address that
     * answers nothing while the bridge is down. The test instance runs on this machine and listens on every address.
     */
    static URL openable(URL base) {
        try {
            return new URL(base.getProtocol(), "127.0.0.1", base.getPort(), base.getFile());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves the whole page, not only the visible part, as the PNG file {@code dir/name}. */
    @SuppressWarnings("unchecked")
    Path screenshot(Path dir, String name) {
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> page = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                "scale", 1);
        String png = (String) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", page)).get("data");
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                System.err.println("could not delete the browser profile " + profile + ": " + e);
            }
        }
    }
}
