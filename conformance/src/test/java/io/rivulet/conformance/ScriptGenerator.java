package io.rivulet.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random scripts from a seed: elements a little ahead of or behind an advancing event clock (some of them behind
 * the watermark, so late), advancing watermarks that trail the clock, and, if asked, a processing-time clock that
 * moves on. Times are small numbers so that windows, gaps and bounds of a few milliseconds are crossed often;
 * a quarter of the scripts start before 0 to cover negative timestamps.
 *
 * @param inputs 1 for one-input operators, 2 for two-input ones
 * @param keys how many distinct keys elements have
 * @param length how many steps a script has
 * @param spread how far an element's timestamp may lie from the event clock, either way
 * @param processingTime whether scripts move the processing-time clock
 * @param uniqueTimestamps whether no two elements of a key share a timestamp
 */
record ScriptGenerator(int inputs, int keys, int length, int spread, boolean processingTime, boolean uniqueTimestamps) {

    static ScriptGenerator oneInput() {
        return new ScriptGenerator(1, 2, 60, 12, false, false);
    }

    static ScriptGenerator twoInputs() {
        return new ScriptGenerator(2, 2, 60, 12, false, false);
    }

    ScriptGenerator withProcessingTime() {
        return new ScriptGenerator(inputs, keys, length, spread, true, uniqueTimestamps);
    }

    ScriptGenerator withSpread(int spread) {
        return new ScriptGenerator(inputs, keys, length, spread, processingTime, uniqueTimestamps);
    }

    /**
     * Scripts in which no two elements of a key share a timestamp, for the one place where Flink is wrong on
     * duplicates (a dynamic-gap session window equal to an existing merged one loses that session's contents).
     */
    ScriptGenerator withUniqueTimestamps() {
        return new ScriptGenerator(inputs, keys, length, spread, processingTime, true);
    }

    Script generate(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        Set<String> used = new HashSet<>();
        long clock = random.nextInt(4) == 0 ? -100 : random.nextInt(50);
        long watermark = Long.MIN_VALUE;
        long now = 0;
        for (int i = 0; i < length; i++) {
            int dice = random.nextInt(100);
            if (dice < 62) {
                long timestamp = clock + random.nextInt(2 * spread + 1) - spread;
                String key = String.valueOf((char) ('a' + random.nextInt(keys)));
                while (uniqueTimestamps && !used.add(key + timestamp)) {
                    timestamp++;
                }
                steps.add(new Step.Element(1 + random.nextInt(inputs), key, random.nextInt(10), timestamp));
                clock += random.nextInt(4);
            } else if (dice < 85 || !processingTime) {
                long next = clock - random.nextInt(spread + 1);
                if (watermark == Long.MIN_VALUE || next > watermark) {
                    watermark = next;
                    steps.add(new Step.Watermark(watermark));
                }
            } else {
                now += random.nextInt(3 * spread);
                steps.add(new Step.ProcessingTime(now));
            }
        }
        // Most scripts end by flushing what is left, some stop with windows and timers still open.
        if (random.nextInt(4) != 0) {
            steps.add(new Step.Watermark(Math.max(watermark, clock) + 10 * spread + random.nextInt(1000)));
            if (processingTime) {
                steps.add(new Step.ProcessingTime(now + 10 * spread + random.nextInt(1000)));
            }
        }
        return new Script(steps);
    }
}
