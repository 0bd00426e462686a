package io.rivulet.internal.operators;

/**
 * An element of one of two connected (or joined) inputs on their way through one union and one repartition
 * topic: which input it came from, and the element.
 */
public record TwoInputElement(int input, Object value) {

    public static TwoInputElement first(Object value) {
        return new TwoInputElement(1, value);
    }

    public static TwoInputElement second(Object value) {
        return new TwoInputElement(2, value);
    }

    public boolean isFirst() {
        return input == 1;
    }
}
