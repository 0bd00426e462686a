package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The web UI at {@code /rivulet/} in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) loads the page of the running service, which draws one graph node per operator of the job
 * and whose figures move while records flow. Skipped, with a message, where Chromium is absent.
 */
@WithKafkaCluster
class WordCountWebUiIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("rivulet.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("rivulet.chromedriver", "/usr/bin/chromedriver"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @BeforeAll
    static void chromiumIsThere() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is absent (" + CHROMIUM + ", " + CHROMEDRIVER + "): the browser test of the web UI is"
                        + " skipped; apt-get install chromium chromium-driver runs it");
    }

    @Test
    void thePageDrawsOneNodePerOperatorAndItsFiguresMoveWhileRecordsFlow(KafkaCluster kafka) throws IOException {
        WordCountFixture fixture = new WordCountFixture(kafka, 2);
        fixture.produceLines(50);
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, Map.of())
                        .start()
                        .awaitReady();
                Browser browser = new Browser()) {
            fixture.assertExactlyOnceCounts();
            JsonNode job = JSON.readTree(service.body("/rivulet/api/job"));
            List<String> operators = new ArrayList<>();
            job.get("operators")
                    .forEach(operator -> operators.add(operator.get("name").asText()));
            assertThat(operators).hasSize(5);

            browser.driver.get(service.url() + "/rivulet/");
            Await.until(
                    Duration.ofSeconds(30),
                    "the page drew the job graph",
                    () -> String.valueOf(operators.size())
                            .equals(browser.driver.findElement(By.id("graph")).getAttribute("data-nodes")));
            Object drawn = browser.script("return rivulet.graph.getOption().series[0].data.map(node => node.name);");
            assertThat(drawn).as("the nodes ECharts drew").isEqualTo(operators);
            String svgText =
                    browser.driver.findElement(By.cssSelector("#graph svg")).getText();
            assertThat(svgText).contains(operators);
            assertThat(svgText.replace("\n", ""))
                    .as("the keyBy edge names its repartition topic (wrapped to fit)")
                    .contains("wordcount-repartition-0");
            assertThat(browser.driver.findElements(By.cssSelector("#operators tr[data-operator]")))
                    .hasSize(operators.size());
            Await.until(
                    Duration.ofSeconds(30),
                    "the page shows the four tasks",
                    () -> browser.driver
                                    .findElements(By.cssSelector("#tasks tr[data-task]"))
                                    .size()
                            == 4);
            // The group and the savepoints are fetched every few seconds, apart from the task figures.
            Await.until(
                    Duration.ofSeconds(30),
                    "the group view shows this instance",
                    () -> browser.driver.findElement(By.id("group")).getText().contains("(this instance)"));
            Await.until(
                    Duration.ofSeconds(30),
                    "the savepoints section says there are none",
                    () -> browser.driver
                            .findElement(By.id("savepoints"))
                            .getText()
                            .contains("no savepoints yet"));
            long firstLines = 50 + fixture.expectedOccurrences();
            Await.until(
                    Duration.ofSeconds(30),
                    "the page's consumed records reach the 50 lines and their words",
                    () -> consumedOnPage(browser) == firstLines);
            fixture.produceLines(200);
            Await.until(
                    Duration.ofSeconds(60),
                    "the page's consumed records reach the 250 lines and their words",
                    () -> consumedOnPage(browser) == 250 + fixture.expectedOccurrences());
            fixture.assertExactlyOnceCounts();
            assertThat(browser.driver
                            .findElement(By.cssSelector("#commits tbody"))
                            .getText())
                    .as("the last commits")
                    .contains("wordcount-StreamThread-1");

            Path screenshot = Path.of("target", "rivulet-ui.png");
            Files.copy(
                    browser.driver.getScreenshotAs(OutputType.FILE).toPath(),
                    screenshot,
                    StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(screenshot)).isPositive();
        }
    }

    /** The records-consumed column summed over the task rows: lines in the source tasks, words after the keyBy. */
    private static long consumedOnPage(Browser browser) {
        long sum = 0;
        for (WebElement cell :
                browser.driver.findElements(By.cssSelector("#tasks tr[data-task] td.records-consumed"))) {
            sum += Long.parseLong(cell.getText().replace(",", ""));
        }
        return sum;
    }

    /** A headless Chromium through its driver, on a free port of 127.0.0.1. */
    private static final class Browser implements AutoCloseable {

        private final ChromeDriver driver;

        Browser() {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1700");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
        }

        Object script(String javascript) {
            return ((JavascriptExecutor) driver).executeScript(javascript);
        }

        @Override
        public void close() {
            driver.quit();
        }
    }
}
