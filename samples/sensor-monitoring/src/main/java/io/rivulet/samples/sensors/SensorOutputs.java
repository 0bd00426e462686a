package io.rivulet.samples.sensors;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/** The records the service writes, one type per output topic. */
public final class SensorOutputs {

    private SensorOutputs() {}

    /** {@code sensor-averages}: a sensor's average over one tumbling minute. */
    public record Average(String sensor, long windowStart, long windowEnd, double avg, long count) {
        public static final Serde<Average> SERDE = Serdes.json(Average.class);
    }

    /** {@code sensor-peaks}: a sensor's maximum over a sliding five minutes. */
    public record Peak(String sensor, long windowStart, long windowEnd, double max) {
        public static final Serde<Peak> SERDE = Serdes.json(Peak.class);
    }

    /** {@code sensor-silent}: a sensor that sent nothing for five minutes of event time after {@code lastTs}. */
    public record Silent(String sensor, long lastTs) {
        public static final Serde<Silent> SERDE = Serdes.json(Silent.class);
    }

    /** {@code maintenance-readings}: a reading within ten minutes of a maintenance event of its sensor. */
    public record MaintenanceReading(String sensor, long readingTs, long maintenanceTs, double value) {
        public static final Serde<MaintenanceReading> SERDE = Serdes.json(MaintenanceReading.class);
    }
}
