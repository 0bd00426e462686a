package io.rivulet.api.functions;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a side output: a second stream an operator emits next to its main output, such as the late data of
 * a window. Read it with {@link DataStream#getSideOutput(OutputTag)}; tags are equal when their ids are.
 *
 * @param <T> the type of the side output's elements
 */
public final class OutputTag<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;

    public OutputTag(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an output tag needs an id");
        }
        this.id = id;
    }

    public String getId() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputTag<?> tag && tag.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ")";
    }
}
