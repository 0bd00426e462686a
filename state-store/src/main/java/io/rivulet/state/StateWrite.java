package io.rivulet.state;

/** One change of a state entry: a put, or a delete when {@code value} is {@code null}. */
public record StateWrite(String stateName, byte[] key, byte[] value) {}
