package io.rivulet.internal.operators;

/** A framework function that needs {@link OperatorServices}; the runtime calls this before {@code open}. */
public interface UsesOperatorServices {

    void setOperatorServices(OperatorServices services);
}
