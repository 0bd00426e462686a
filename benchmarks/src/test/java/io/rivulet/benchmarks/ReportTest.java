package io.rivulet.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path dir;

    @Test
    void ratiosArePairedWithinARunAndTheMedianIsTaken() {
        Report report = new Report();
        report.add(new Figure("throughput", "stateless", "ceiling-eos", 1, Report.values("records_per_s", 100)));
        report.add(new Figure("throughput", "stateless", "rivulet", 1, Report.values("records_per_s", 90)));
        report.add(new Figure("throughput", "stateless", "ceiling-eos", 2, Report.values("records_per_s", 200)));
        report.add(new Figure("throughput", "stateless", "rivulet", 2, Report.values("records_per_s", 100)));
        report.add(new Figure("throughput", "stateless", "ceiling-eos", 3, Report.values("records_per_s", 50)));
        report.add(new Figure("throughput", "stateless", "rivulet", 3, Report.values("records_per_s", 60)));

        assertThat(report.medianRatio("stateless", "rivulet", "ceiling-eos").getAsDouble())
                .isEqualTo(0.9);
        assertThat(report.median("throughput", "stateless", "rivulet", "records_per_s")
                        .getAsDouble())
                .isEqualTo(90);
    }

    @Test
    void writesCsvMarkdownAndAChart() throws Exception {
        Report report = new Report();
        report.add(new Figure(
                "throughput",
                "wordcount",
                "kafka-streams",
                1,
                Report.values("records_per_s", 50_000, "cpu_s_per_million", 20, "peak_rss_mib", 400)));
        report.add(new Figure(
                "throughput",
                "wordcount",
                "rivulet",
                1,
                Report.values("records_per_s", 80_000, "cpu_s_per_million", 12, "peak_rss_mib", 300)));
        report.add(new Figure(
                "latency",
                "stateless",
                "rivulet",
                1,
                Report.values("p50_ms", 60, "p99_ms", 120, "p999_ms", 140, "outputs", 1000)));

        report.write(dir, "header");

        assertThat(Files.readString(dir.resolve("results.csv")))
                .contains("throughput,wordcount,rivulet,1,records_per_s,80000");
        assertThat(Files.readString(dir.resolve("results.md")))
                .contains("| word count, 100k distinct keys | kafka-streams | 50000 | 1.60 |")
                .contains("| rivulet | 60.00 | 120 | 140 | 1000 |");
        assertThat(ImageIO.read(dir.resolve("results.png").toFile()).getWidth()).isEqualTo(1400);
    }

    @Test
    void transformsAreNexmarkShaped() {
        assertThat(Transforms.toEuros("12,7,1000")).isEqualTo("12,7,908");
        assertThat(Transforms.evenAuction("12,7,908")).isTrue();
        assertThat(Transforms.evenAuction("13,7,908")).isFalse();
        assertThat(LatencyProbe.percentile(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 99))
                .isEqualTo(10);
        assertThat(LatencyProbe.percentile(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 50))
                .isEqualTo(5);
    }
}
