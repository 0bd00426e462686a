package io.rivulet.benchmarks;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Medians, ratios per run pair, and the CSV, Markdown table and PNG chart of a harness run. */
final class Report {

    private final List<Figure> figures = new ArrayList<>();

    void add(Figure figure) {
        figures.add(figure);
        System.out.println(figure.line());
    }

    List<Figure> figures() {
        return figures;
    }

    OptionalDouble median(String name, String workload, String contender, String metric) {
        double[] values = figures.stream()
                .filter(f -> f.name().equals(name)
                        && f.workload().equals(workload)
                        && f.contender().equals(contender))
                .map(f -> f.values().get(metric))
                .filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(
                values.length % 2 == 1
                        ? values[values.length / 2]
                        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2);
    }

    /** The median over runs of contender/baseline throughput, each ratio taken within one run. */
    OptionalDouble medianRatio(String workload, String contender, String baseline) {
        List<Double> ratios = new ArrayList<>();
        for (Figure a : figures) {
            if (!a.name().equals("throughput")
                    || !a.workload().equals(workload)
                    || !a.contender().equals(contender)) {
                continue;
            }
            figures.stream()
                    .filter(b -> b.name().equals("throughput")
                            && b.workload().equals(workload)
                            && b.contender().equals(baseline)
                            && b.run() == a.run())
                    .findFirst()
                    .ifPresent(b -> ratios.add(
                            a.values().get("records_per_s") / b.values().get("records_per_s")));
        }
        double[] sorted =
                ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(
                sorted.length % 2 == 1
                        ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);
    }

    void write(Path dir, String header) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("results.csv"), csv());
            String markdown = header + "\n\n" + markdown();
            Files.writeString(dir.resolve("results.md"), markdown);
            chart(dir.resolve("results.png"));
            System.out.println(markdown);
            System.out.println("written: " + dir.resolve("results.csv") + ", " + dir.resolve("results.md") + ", "
                    + dir.resolve("results.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String csv() {
        StringBuilder out = new StringBuilder("figure,workload,contender,run,metric,value\n");
        for (Figure f : figures) {
            f.values()
                    .forEach((metric, value) -> out.append(String.join(
                                    ",",
                                    f.name(),
                                    f.workload(),
                                    f.contender(),
                                    String.valueOf(f.run()),
                                    metric,
                                    Figure.format(value)))
                            .append('\n'));
        }
        return out.toString();
    }

    /** The contender labels of a figure, sorted: a contender with a setting of its own counts as one of its own. */
    private Set<String> labels(String name, String workload) {
        Set<String> result = new java.util.TreeSet<>();
        figures.stream()
                .filter(f -> f.name().equals(name) && f.workload().equals(workload))
                .forEach(f -> result.add(f.contender()));
        return result;
    }

    private Set<String> contenders(String name, String workload) {
        Set<String> result = new LinkedHashSet<>();
        for (Contender c : Contender.values()) {
            if (figures.stream()
                    .anyMatch(f -> f.name().equals(name)
                            && f.workload().equals(workload)
                            && f.contender().equals(c.id()))) {
                result.add(c.id());
            }
        }
        return result;
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(
                "| workload | contender | records/s (median) | Rivulet ÷ this (median of run pairs) | CPU s per M records | peak RSS MiB "
                        + "| changelog records | records dropped as late |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Workload w : Workload.values()) {
            for (String c : contenders("throughput", w.id())) {
                md.append("| ")
                        .append(w.description())
                        .append(" | ")
                        .append(c)
                        .append(" | ")
                        .append(cell(median("throughput", w.id(), c, "records_per_s")))
                        .append(" | ")
                        .append(c.equals("rivulet") ? "1.00" : cell(medianRatio(w.id(), "rivulet", c)))
                        .append(" | ")
                        .append(cell(median("throughput", w.id(), c, "cpu_s_per_million")))
                        .append(" | ")
                        .append(cell(median("throughput", w.id(), c, "peak_rss_mib")))
                        .append(" | ")
                        .append(cell(median("throughput", w.id(), c, "changelog_records")))
                        .append(" | ")
                        .append(cell(median("throughput", w.id(), c, "dropped_records")))
                        .append(" |\n");
            }
        }
        md.append("\n| end-to-end latency, stateless, fixed rate | p50 ms | p99 ms | p99.9 ms | outputs |\n");
        md.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (String c : contenders("latency", Workload.STATELESS.id())) {
            md.append("| ")
                    .append(c)
                    .append(" | ")
                    .append(cell(median("latency", "stateless", c, "p50_ms")))
                    .append(" | ")
                    .append(cell(median("latency", "stateless", c, "p99_ms")))
                    .append(" | ")
                    .append(cell(median("latency", "stateless", c, "p999_ms")))
                    .append(" | ")
                    .append(cell(median("latency", "stateless", c, "outputs")))
                    .append(" |\n");
        }
        md.append(
                "\n| large state (restore, recovery) | state on the changelog MiB | changelog records | restore into an empty state dir: s "
                        + "| restore rate records/s | restore MiB/s | recovery after SIGKILL, a tenth of the state: s | recovery after SIGKILL, full state: s |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        String large = Workload.LARGE_STATE.id();
        for (String c : contenders("restore", large)) {
            md.append("| ")
                    .append(c)
                    .append(" | ")
                    .append(cell(median("restore", large, c, "state_mib")))
                    .append(" | ")
                    .append(cell(median("restore", large, c, "changelog_records")))
                    .append(" | ")
                    .append(cell(median("restore", large, c, "restore_s")))
                    .append(" | ")
                    .append(cell(median("restore", large, c, "restore_records_per_s")))
                    .append(" | ")
                    .append(cell(median("restore", large, c, "restore_mib_per_s")))
                    .append(" | ")
                    .append(cell(median("recovery", large, c, "small_recovery_s")))
                    .append(" | ")
                    .append(cell(median("recovery", large, c, "recovery_s")))
                    .append(" |\n");
        }
        md.append(
                "\n| failover after SIGKILL, two instances, large state | state on the changelog MiB | failover: s |\n");
        md.append("| --- | ---: | ---: |\n");
        for (String c : labels("failover", large)) {
            md.append("| ")
                    .append(c)
                    .append(" | ")
                    .append(cell(median("failover", large, c, "state_mib")))
                    .append(" | ")
                    .append(cell(median("failover", large, c, "failover_s")))
                    .append(" |\n");
        }
        md.append(
                "\n| savepoint of large state (take with stop, restore into a new application) | savepoint MiB | entries"
                        + " | take: s | take MiB/s | restore: s | restore MiB/s | restored and caught up: s |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String c : contenders("savepoint", large)) {
            md.append("| ").append(c);
            for (String value : List.of(
                    "savepoint_mib",
                    "entries",
                    "take_s",
                    "take_mib_per_s",
                    "restore_s",
                    "restore_mib_per_s",
                    "caught_up_s")) {
                md.append(" | ").append(cell(median("savepoint", large, c, value)));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    private static String cell(OptionalDouble value) {
        return value.isPresent() ? Figure.format(value.getAsDouble()) : "–";
    }

    private void chart(Path png) throws IOException {
        DefaultCategoryDataset ratios = new DefaultCategoryDataset();
        for (Workload w : Workload.values()) {
            for (String c : contenders("throughput", w.id())) {
                if (!c.equals("rivulet")) {
                    medianRatio(w.id(), "rivulet", c).ifPresent(v -> ratios.addValue(v, "Rivulet ÷ " + c, w.id()));
                }
            }
        }
        DefaultCategoryDataset latency = new DefaultCategoryDataset();
        for (String c : contenders("latency", Workload.STATELESS.id())) {
            for (String p : Arrays.asList("p50_ms", "p99_ms", "p999_ms")) {
                median("latency", "stateless", c, p).ifPresent(v -> latency.addValue(v, c, p));
            }
        }
        JFreeChart left = ChartFactory.createBarChart(
                "Throughput, Rivulet ÷ contender (median of run pairs)",
                "workload",
                "ratio",
                ratios,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        JFreeChart right = ChartFactory.createBarChart(
                "End-to-end latency, stateless (ms, median)",
                "percentile",
                "ms",
                latency,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        for (JFreeChart chart : List.of(left, right)) {
            chart.setBackgroundPaint(Color.WHITE);
            ((CategoryPlot) chart.getPlot()).setBackgroundPaint(new Color(245, 245, 245));
        }
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(1400, 500, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        left.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 700, 500));
        right.draw(g, new java.awt.geom.Rectangle2D.Double(700, 0, 700, 500));
        g.dispose();
        javax.imageio.ImageIO.write(image, "png", png.toFile());
    }

    static Map<String, Double> values(Object... keysAndValues) {
        Map<String, Double> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).doubleValue());
        }
        return map;
    }
}
