package io.rivulet.internal.runtime.node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Set;

/**
 * Gives every task its own instance of a user function, as Flink does, by a serialization round trip: a
 * function's fields (state handles, caches) then never leak between tasks or threads.
 */
public final class FunctionCopies {

    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");

    private FunctionCopies() {}

    @SuppressWarnings("unchecked")
    public static <T> T copy(T function, String operator) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(function);
            }
            ClassLoader loader = function.getClass().getClassLoader();
            ClassLoader application = Thread.currentThread().getContextClassLoader();
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                    if (PRIMITIVES.contains(desc.getName())) {
                        // A Class object of a primitive type (the type of an int field) is in no class loader.
                        return super.resolveClass(desc);
                    }
                    try {
                        return Class.forName(desc.getName(), false, loader);
                    } catch (ClassNotFoundException e) {
                        // A framework object (a window spec, a JSON serde) may hold application classes that only
                        // the application's loader sees, as under Quarkus' layered class loaders in tests.
                        if (application == null || application == loader) {
                            throw e;
                        }
                        return Class.forName(desc.getName(), false, application);
                    }
                }
            }) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "the function of operator " + operator + " ("
                            + function.getClass().getName()
                            + ") cannot be copied for each task: make its fields serializable or transient (" + e + ")",
                    e);
        }
    }
}
