package io.rivulet.conformance;

/**
 * A POJO for the field-expression aggregations, as both APIs take it (public class, public fields, a public
 * constructor without arguments); both sides print it the same way.
 */
public class Reading {
    public String key;
    public int value;
    public long at;

    public Reading() {}

    static Reading of(Step.Element element) {
        Reading reading = new Reading();
        reading.key = element.key();
        reading.value = element.value();
        reading.at = element.timestamp();
        return reading;
    }

    @Override
    public String toString() {
        return key + ":" + value + "/" + at;
    }
}
