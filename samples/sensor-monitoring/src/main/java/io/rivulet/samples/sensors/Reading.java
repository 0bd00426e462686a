package io.rivulet.samples.sensors;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/** A reading on {@code sensor-readings}: {@code {"sensor": "...", "value": 21.5, "ts": <epoch ms>}}. */
public record Reading(String sensor, double value, long ts) {

    public static final Serde<Reading> SERDE = Serdes.json(Reading.class);
}
