package io.rivulet.samples.sensors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.rivulet.samples.sensors.SensorOutputs.Average;
import io.rivulet.samples.sensors.SensorOutputs.MaintenanceReading;
import io.rivulet.samples.sensors.SensorOutputs.Peak;
import io.rivulet.samples.sensors.SensorOutputs.Silent;

/** Generated readings and maintenance events, and the results a straightforward calculation gives for them. */
final class SensorStream {

    static final long BASE = 1_700_000_040_000L - 1_700_000_040_000L % 60_000;
    static final long MINUTE = 60_000;

    final List<Reading> readings = new ArrayList<>();
    final List<Maintenance> maintenance = new ArrayList<>();

    /** Sensors reading every 10 to 40 s with a few silences of 6 to 8 minutes, over an hour, nearly in order. */
    SensorStream(int sensors, long seed) {
        Random random = new Random(seed);
        for (int s = 0; s < sensors; s++) {
            String sensor = "sensor-" + s;
            for (long ts = BASE + random.nextInt(30_000); ts < BASE + 60 * MINUTE; ) {
                readings.add(new Reading(sensor, random.nextInt(100), ts));
                ts += random.nextInt(50) == 0
                        ? 6 * MINUTE + random.nextInt((int) (2 * MINUTE))
                        : 10_000 + random.nextInt(30_000);
            }
            for (int m = 0; m < 2; m++) {
                maintenance.add(new Maintenance(sensor, BASE + random.nextInt((int) (60 * MINUTE))));
            }
        }
        readings.sort(Comparator.comparingLong(Reading::ts));
        maintenance.sort(Comparator.comparingLong(Maintenance::ts));
        for (int i = 0; i + 1 < readings.size(); i++) {
            if (readings.get(i + 1).ts() - readings.get(i).ts() < 3_000 && random.nextBoolean()) {
                Collections.swap(readings, i, i + 1);
                i++;
            }
        }
    }

    private Map<String, List<Reading>> bySensor() {
        Map<String, List<Reading>> bySensor = new TreeMap<>();
        readings.forEach(r ->
                bySensor.computeIfAbsent(r.sensor(), s -> new ArrayList<>()).add(r));
        bySensor.values().forEach(list -> list.sort(Comparator.comparingLong(Reading::ts)));
        return bySensor;
    }

    List<Average> averages() {
        Map<String, Average> windows = new TreeMap<>();
        for (Reading r : readings) {
            long start = r.ts() - r.ts() % MINUTE;
            windows.merge(
                    r.sensor() + "@" + start,
                    new Average(r.sensor(), start, start + MINUTE, r.value(), 1),
                    (a, b) -> new Average(
                            a.sensor(), a.windowStart(), a.windowEnd(), a.avg() + b.avg(), a.count() + b.count()));
        }
        return windows.values().stream()
                .map(a -> new Average(a.sensor(), a.windowStart(), a.windowEnd(), a.avg() / a.count(), a.count()))
                .toList();
    }

    List<Peak> peaks() {
        Map<String, Peak> windows = new TreeMap<>();
        for (Reading r : readings) {
            long lastStart = r.ts() - r.ts() % MINUTE;
            for (long start = lastStart; start > r.ts() - 5 * MINUTE; start -= MINUTE) {
                windows.merge(
                        r.sensor() + "@" + start,
                        new Peak(r.sensor(), start, start + 5 * MINUTE, r.value()),
                        (a, b) -> a.max() >= b.max() ? a : b);
            }
        }
        return List.copyOf(windows.values());
    }

    List<Silent> silences() {
        List<Silent> silences = new ArrayList<>();
        bySensor().forEach((sensor, list) -> {
            for (int i = 0; i < list.size(); i++) {
                if (i + 1 == list.size() || list.get(i + 1).ts() - list.get(i).ts() >= SilenceDetector.SILENCE) {
                    silences.add(new Silent(sensor, list.get(i).ts()));
                }
            }
        });
        return silences;
    }

    List<MaintenanceReading> maintenanceReadings() {
        List<MaintenanceReading> pairs = new ArrayList<>();
        for (Reading r : readings) {
            for (Maintenance m : maintenance) {
                if (m.sensor().equals(r.sensor()) && Math.abs(m.ts() - r.ts()) <= 10 * MINUTE) {
                    pairs.add(new MaintenanceReading(r.sensor(), r.ts(), m.ts(), r.value()));
                }
            }
        }
        return pairs;
    }
}
