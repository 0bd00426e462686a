package io.rivulet.internal.runtime.state;

import java.util.function.Function;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.windows.Window;

/**
 * How to read a window operator's contents for interactive queries: they are stored one value per key and window,
 * under {@code [key length][key][window bytes]} in one state.
 *
 * @param stateName the state the contents are stored in
 * @param windowSerde the serde of the operator's windows
 * @param contents what a stored value shows: the reduced element, the aggregate's result, or the elements
 */
public record QueryableWindows(String stateName, Serde<Window> windowSerde, Function<byte[], Object> contents) {}
