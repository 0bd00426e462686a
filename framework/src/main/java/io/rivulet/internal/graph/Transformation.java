package io.rivulet.internal.graph;

import java.util.List;
import java.util.Optional;

/**
 * One node of the logical job graph as the API builds it: what an operator does, before it is compiled
 * into sub-topologies and instantiated per task.
 */
public abstract class Transformation {

    private final int id;
    private final Transformation input;
    private String name;
    private String uid;

    protected Transformation(int id, Transformation input, String defaultName) {
        this.id = id;
        this.input = input;
        this.name = defaultName;
    }

    /** How a user's function is named in operator names: its class, or the class it was written in if anonymous. */
    protected static String describe(Object function) {
        Class<?> type = function.getClass();
        while (type.isAnonymousClass()
                || type.isSynthetic()
                || type.getSimpleName().contains("$$Lambda")) {
            Class<?> outer = type.getEnclosingClass();
            if (outer == null) {
                return type.getName();
            }
            type = outer;
        }
        return type.getSimpleName();
    }

    public int id() {
        return id;
    }

    /** The upstream node, empty for a source (and for a union, which has several: see {@link #inputs()}). */
    public Optional<Transformation> input() {
        return Optional.ofNullable(input);
    }

    /** Every upstream node: none for a source, one for most operators, several for a union. */
    public List<Transformation> inputs() {
        return input == null ? List.of() : List.of(input);
    }

    public String name() {
        return name;
    }

    public void name(String value) {
        this.name = value;
    }

    public Optional<String> uid() {
        return Optional.ofNullable(uid);
    }

    public void uid(String value) {
        if (value == null || !value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("uid '" + value + "' of " + name
                    + " must be letters, digits, '.', '_' or '-' (it names Kafka topics)");
        }
        this.uid = value;
    }

    /** Whether the operator keeps keyed state, and therefore needs a uid and a changelog. */
    public boolean stateful() {
        return false;
    }

    @Override
    public String toString() {
        return name + "#" + id + uid().map(u -> "[" + u + "]").orElse("");
    }
}
