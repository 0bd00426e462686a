package io.rivulet.internal.operators;

import java.util.Map;

import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;

/**
 * The reduce function behind {@code sum}, {@code min}, {@code max}, {@code minBy} and {@code maxBy}, with the
 * semantics of Flink's {@code SumAggregator} and {@code ComparableAggregator}; {@code value1} is what was
 * aggregated so far, {@code value2} the new element:
 * <ul>
 * <li>{@code sum}, {@code min}, {@code max} return {@code value1} with only the field changed, so every other field
 * keeps the value of the first element. {@code min} takes {@code value2}'s field unless {@code value1}'s is
 * strictly smaller ({@code max}: strictly greater), so on a tie the newer field wins, as in Flink.</li>
 * <li>{@code minBy}, {@code maxBy} return one of the two elements whole; on a tie {@code value1} if {@code first},
 * else {@code value2}.</li>
 * </ul>
 * Sums keep the field's type with Java's arithmetic ({@code short} and {@code byte} wrap around), for exactly the
 * types Flink's {@code SumFunction} adds: int, long, short, byte, float and double.
 */
public final class FieldAggregator implements ReduceFunction<Object> {

    private static final long serialVersionUID = 1L;

    /** The aggregations, named as the API methods. */
    public enum Kind {
        SUM("sum"),
        MIN("min"),
        MAX("max"),
        MIN_BY("minBy"),
        MAX_BY("maxBy");

        private final String method;

        Kind(String method) {
            this.method = method;
        }
    }

    private static final Map<Class<?>, Adder> ADDERS = Map.of(
            Integer.class, Adder.INT,
            Long.class, Adder.LONG,
            Short.class, Adder.SHORT,
            Byte.class, Adder.BYTE,
            Float.class, Adder.FLOAT,
            Double.class, Adder.DOUBLE);

    private final Kind kind;
    private final FieldExpression field;
    private final boolean first;
    private final Adder adder;

    private FieldAggregator(Kind kind, FieldExpression field, boolean first, Adder adder) {
        this.kind = kind;
        this.field = field;
        this.first = first;
        this.adder = adder;
    }

    /**
     * Resolves {@code expression} against the class {@code serde} encodes and checks that the field can be
     * aggregated: summed for {@code SUM}, compared for the others.
     *
     * @param first for {@code MIN_BY} and {@code MAX_BY}: whether a tie keeps the earlier element
     * @throws IllegalArgumentException naming the field and its type if it does not exist or does not fit
     */
    public static FieldAggregator of(Kind kind, String expression, boolean first, Serde<Object> serde) {
        String operation = kind.method + "(\"" + expression + "\")";
        FieldExpression field = FieldExpression.resolve(operation, expression, serde);
        Class<?> type = field.fieldType();
        Adder adder = null;
        if (kind == Kind.SUM) {
            adder = ADDERS.get(type);
            if (adder == null) {
                throw new IllegalArgumentException(operation + ": " + field.describeField() + " is a "
                        + type.getName() + ", which sum cannot add: as in Flink, sum adds int, long, short, byte,"
                        + " float and double fields (boxed or not)");
            }
        } else if (!Comparable.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(operation + ": " + field.describeField() + " is a " + type.getName()
                    + ", which is not Comparable, so " + kind.method + " cannot compare it");
        }
        return new FieldAggregator(kind, field, first, adder);
    }

    @Override
    public Object reduce(Object value1, Object value2) {
        Object field1 = field.get(value1);
        Object field2 = field.get(value2);
        if (field1 == null || field2 == null) {
            throw new NullPointerException(
                    this + ": " + field.describeField() + " is null in " + (field1 == null ? value1 : value2));
        }
        return switch (kind) {
            case SUM -> field.with(value1, adder.add(field1, field2));
            case MIN -> compare(field1, field2) < 0 ? value1 : field.with(value1, field2);
            case MAX -> compare(field1, field2) > 0 ? value1 : field.with(value1, field2);
            case MIN_BY -> pick(-compare(field1, field2), value1, value2);
            case MAX_BY -> pick(compare(field1, field2), value1, value2);
        };
    }

    /** The sign of the comparison, so that it can be negated even for {@code Integer.MIN_VALUE}. */
    @SuppressWarnings("unchecked")
    private static int compare(Object field1, Object field2) {
        return Integer.signum(((Comparable<Object>) field1).compareTo(field2));
    }

    /** {@code value1} if it wins ({@code wins > 0}), {@code value2} if it does, the one {@code first} says on a tie. */
    private Object pick(int wins, Object value1, Object value2) {
        if (wins == 0) {
            return first ? value1 : value2;
        }
        return wins > 0 ? value1 : value2;
    }

    @Override
    public String toString() {
        return kind.method + "(" + field + ")";
    }

    private enum Adder {
        INT {
            @Override
            Object add(Object a, Object b) {
                return (Integer) a + (Integer) b;
            }
        },
        LONG {
            @Override
            Object add(Object a, Object b) {
                return (Long) a + (Long) b;
            }
        },
        SHORT {
            @Override
            Object add(Object a, Object b) {
                return (short) ((Short) a + (Short) b);
            }
        },
        BYTE {
            @Override
            Object add(Object a, Object b) {
                return (byte) ((Byte) a + (Byte) b);
            }
        },
        FLOAT {
            @Override
            Object add(Object a, Object b) {
                return (Float) a + (Float) b;
            }
        },
        DOUBLE {
            @Override
            Object add(Object a, Object b) {
                return (Double) a + (Double) b;
            }
        };

        abstract Object add(Object a, Object b);
    }
}
