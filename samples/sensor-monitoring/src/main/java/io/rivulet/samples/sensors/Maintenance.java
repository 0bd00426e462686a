package io.rivulet.samples.sensors;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/** A maintenance event on {@code maintenance}: {@code {"sensor": "...", "ts": <epoch ms>}}. */
public record Maintenance(String sensor, long ts) {

    public static final Serde<Maintenance> SERDE = Serdes.json(Maintenance.class);
}
