package io.rivulet.internal.operators;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rivulet.api.serde.Serde;

/**
 * A Flink field expression — {@code "amount"}, {@code "order.amount"}, {@code "*"} — resolved against the element
 * class when the job is built, so that a misspelt or unsuitable field fails there and not at the first record.
 *
 * <p>As Flink's field accessors: {@code "*"} (or {@code "0"}) selects the whole value of a basic type (a boxed
 * primitive, String, BigInteger, BigDecimal, Date, Instant) and nothing else; a name selects a field of a record or
 * a POJO (a public field, or one with a public getter and setter), and a dot drills into that field's type.
 *
 * <p>Setting a field never changes the value handed in: the user's code, or the state the value came from, may
 * still hold it. Records are rebuilt through their canonical constructor; a value with a POJO on the path is first
 * copied through the element serde, as Flink copies it through its serializer.
 */
public final class FieldExpression implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Set<Class<?>> BASIC_TYPES = Set.of(
            String.class,
            Boolean.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            Character.class,
            Date.class,
            Void.class,
            BigInteger.class,
            BigDecimal.class,
            Instant.class);

    /** Flink's decomposition: the head may start with a digit (tuple positions), the tail is the rest. */
    private static final Pattern NESTED = Pattern.compile("([\\p{L}\\p{Digit}_$]*)(\\.(.+))?");

    private final String expression;
    private final Class<?> rootType;
    private final Class<?> fieldType;
    private final List<Step> path;

    private final boolean copyBeforeSet;
    private final Serde<Object> serde;

    private FieldExpression(
            String expression, Class<?> rootType, Class<?> fieldType, List<Step> path, Serde<Object> serde) {
        this.expression = expression;
        this.rootType = rootType;
        this.fieldType = fieldType;
        this.path = List.copyOf(path);
        this.copyBeforeSet = path.stream().anyMatch(step -> step instanceof PojoStep);
        this.serde = serde;
    }

    /**
     * @param operation names the operator in error messages, such as {@code sum("amount")}
     * @param serde encodes the elements: its class is what the expression is resolved against, and POJOs are
     *     copied through it before a field is set
     * @throws IllegalArgumentException if the serde does not know its class, or the expression names no
     *     field of it
     */
    public static FieldExpression resolve(String operation, String expression, Serde<Object> serde) {
        if (expression == null) {
            throw new IllegalArgumentException(operation + ": the field expression must not be null");
        }
        Class<?> type = serde.type()
                .orElseThrow(() -> new IllegalArgumentException(operation
                        + " needs the element class to resolve the field expression, and the value serde given to"
                        + " keyBy (" + serde.getClass().getName() + ") does not name it: override Serde.type()"));
        List<Step> path = new ArrayList<>();
        Class<?> fieldType = resolve(operation, expression, expression, boxed(type), path);
        return new FieldExpression(expression, type, fieldType, path, serde);
    }

    private static Class<?> resolve(String operation, String whole, String expression, Class<?> type, List<Step> path) {
        if (BASIC_TYPES.contains(type)) {
            if (expression.equals("*") || expression.equals("0")) {
                return type;
            }
            throw new IllegalArgumentException(operation + ": " + type.getName()
                    + " is a basic type without fields; a field expression on it can only be \"*\" (or \"0\"),"
                    + " which selects the whole value");
        }
        if (expression.equals("*") || expression.equals("_")) {
            throw new IllegalArgumentException(operation + ": \"" + expression + "\" selects the whole value only of"
                    + " a basic type (a number, String, BigInteger, BigDecimal, ...), and " + type.getName()
                    + " is not one: name one of its fields instead");
        }
        Matcher matcher = NESTED.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(operation + ": \"" + whole + "\" is not a valid field expression");
        }
        String head = matcher.group(1);
        String tail = matcher.group(3);
        Step step;
        if (type.isRecord()) {
            step = recordStep(operation, type, head);
        } else if (isPojoCandidate(type)) {
            step = pojoStep(operation, type, head);
        } else {
            throw new IllegalArgumentException(operation + ": cannot select the field \"" + head + "\" of "
                    + type.getName()
                    + ": field expressions address the fields of records and POJOs, and \"*\" the whole value of"
                    + " a basic type");
        }
        path.add(step);
        Class<?> stepType = boxed(step.type());
        return tail == null ? stepType : resolve(operation, whole, tail, stepType, path);
    }

    private static boolean isPojoCandidate(Class<?> type) {
        return !type.isInterface()
                && !type.isArray()
                && !type.isEnum()
                && !type.isPrimitive()
                && !type.getName().startsWith("java.");
    }

    private static Step recordStep(String operation, Class<?> type, String name) {
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return new RecordStep(type, i, name, components[i].getType());
            }
        }
        throw noSuchField(operation, type, name, fieldNames(type));
    }

    private static Step pojoStep(String operation, Class<?> type, String name) {
        Field field = findField(type, name);
        if (field == null) {
            throw noSuchField(operation, type, name, fieldNames(type));
        }
        if (Modifier.isPublic(field.getModifiers())) {
            return new PojoStep(field.getDeclaringClass(), name, field.getType(), null, null);
        }
        String getter = null;
        String setter = null;
        String lower = name.toLowerCase(Locale.ROOT);
        // Flink's POJO rules: getX/isX (or x) and setX, names compared case-insensitively, types matching exactly.
        for (Method method : type.getMethods()) {
            String methodName = method.getName().toLowerCase(Locale.ROOT);
            if (method.getParameterCount() == 0
                    && method.getReturnType().equals(field.getType())
                    && (methodName.equals("get" + lower)
                            || methodName.equals("is" + lower)
                            || methodName.equals(lower))) {
                getter = method.getName();
            }
            if (method.getParameterCount() == 1
                    && method.getParameterTypes()[0].equals(field.getType())
                    && methodName.equals("set" + lower)) {
                setter = method.getName();
            }
        }
        if (getter == null || setter == null) {
            throw new IllegalArgumentException(operation + ": the field " + name + " of " + type.getName()
                    + " is neither public nor has a public getter and setter, so it cannot be read and set");
        }
        return new PojoStep(type, name, field.getType(), getter, setter);
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name) && isDataField(field)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static boolean isDataField(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic();
    }

    private static List<String> fieldNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
            return names;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (isDataField(field)) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }

    private static IllegalArgumentException noSuchField(
            String operation, Class<?> type, String name, List<String> fields) {
        return new IllegalArgumentException(operation + ": " + type.getName() + " has no field \"" + name
                + "\" (its fields: " + String.join(", ", fields) + ")");
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }

    /** The class of the selected field, boxed. */
    public Class<?> fieldType() {
        return fieldType;
    }

    /** How error messages name the selected field: {@code the field a.b of Order}, or {@code the whole value}. */
    public String describeField() {
        return path.isEmpty() ? "the whole value" : "the field " + expression + " of " + rootType.getName();
    }

    /** The selected field of {@code value}. */
    public Object get(Object value) {
        Object current = value;
        for (int i = 0; i < path.size(); i++) {
            if (current == null) {
                throw nullOnPath(i);
            }
            current = path.get(i).get(current);
        }
        return current;
    }

    /** A value equal to {@code value} but for the selected field, which is {@code field}; {@code value} is unchanged. */
    public Object with(Object value, Object field) {
        Object root = copyBeforeSet ? serde.deserialize(serde.serialize(value)) : value;
        return with(root, 0, field);
    }

    private Object with(Object target, int depth, Object field) {
        if (depth == path.size()) {
            return field;
        }
        if (target == null) {
            throw nullOnPath(depth);
        }
        Step step = path.get(depth);
        Object inner = depth + 1 == path.size() ? null : step.get(target);
        return step.with(target, with(inner, depth + 1, field));
    }

    private NullPointerException nullOnPath(int depth) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            prefix.append(i == 0 ? "" : ".").append(path.get(i).name());
        }
        return new NullPointerException(
                "the field " + prefix + " on the path " + expression + " of " + rootType.getName() + " is null");
    }

    @Override
    public String toString() {
        return expression;
    }

    /** One level of the path: a field of a record or a POJO. */
    private interface Step extends Serializable {

        String name();

        Class<?> type();

        Object get(Object target);

        /** {@code target} with the field set to {@code field}: a new record, or the (already copied) POJO. */
        Object with(Object target, Object field);
    }

    /** A record component; reflective handles are not serializable, so each task copy looks them up again. */
    private static final class RecordStep implements Step {

        private static final long serialVersionUID = 1L;

        private final Class<?> recordType;
        private final int index;
        private final String name;
        private final Class<?> type;
        private transient Method[] accessors;
        private transient Constructor<?> canonical;

        RecordStep(Class<?> recordType, int index, String name, Class<?> type) {
            this.recordType = recordType;
            this.index = index;
            this.name = name;
            this.type = type;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<?> type() {
            return type;
        }

        private void lookUp() throws NoSuchMethodException {
            RecordComponent[] components = recordType.getRecordComponents();
            Method[] methods = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                methods[i] = components[i].getAccessor();
                methods[i].setAccessible(true);
                types[i] = components[i].getType();
            }
            Constructor<?> constructor = recordType.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            canonical = constructor;
            accessors = methods;
        }

        @Override
        public Object get(Object target) {
            try {
                if (accessors == null) {
                    lookUp();
                }
                return accessors[index].invoke(target);
            } catch (ReflectiveOperationException e) {
                throw failure("read", e);
            }
        }

        @Override
        public Object with(Object target, Object field) {
            try {
                if (accessors == null) {
                    lookUp();
                }
                Object[] components = new Object[accessors.length];
                for (int i = 0; i < accessors.length; i++) {
                    components[i] = i == index ? field : accessors[i].invoke(target);
                }
                return canonical.newInstance(components);
            } catch (ReflectiveOperationException e) {
                throw failure("set", e);
            }
        }

        private IllegalStateException failure(String what, ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
            return new IllegalStateException(
                    "cannot " + what + " the component " + name + " of the record " + recordType.getName(), cause);
        }
    }

    /** A POJO field, public or through its getter and setter. */
    private static final class PojoStep implements Step {

        private static final long serialVersionUID = 1L;

        private final Class<?> owner;
        private final String name;
        private final Class<?> type;
        private final String getter;
        private final String setter;
        private transient Field field;
        private transient Method getterMethod;
        private transient Method setterMethod;

        PojoStep(Class<?> owner, String name, Class<?> type, String getter, String setter) {
            this.owner = owner;
            this.name = name;
            this.type = type;
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<?> type() {
            return type;
        }

        private void lookUp() throws ReflectiveOperationException {
            if (getter == null) {
                Field found = owner.getDeclaredField(name);
                found.setAccessible(true);
                field = found;
            } else {
                Method read = owner.getMethod(getter);
                Method write = owner.getMethod(setter, type);
                read.setAccessible(true);
                write.setAccessible(true);
                getterMethod = read;
                setterMethod = write;
            }
        }

        @Override
        public Object get(Object target) {
            try {
                if (field == null && getterMethod == null) {
                    lookUp();
                }
                return field != null ? field.get(target) : getterMethod.invoke(target);
            } catch (ReflectiveOperationException e) {
                throw failure("read", e);
            }
        }

        @Override
        public Object with(Object target, Object value) {
            try {
                if (field == null && getterMethod == null) {
                    lookUp();
                }
                if (field != null) {
                    field.set(target, value);
                } else {
                    setterMethod.invoke(target, value);
                }
                return target;
            } catch (ReflectiveOperationException e) {
                throw failure("set", e);
            }
        }

        private IllegalStateException failure(String what, ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
            return new IllegalStateException("cannot " + what + " the field " + name + " of " + owner.getName(), cause);
        }
    }
}
