package io.rivulet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.testing.KeyedOperatorHarness;

/**
 * Rolling {@code reduce}, {@code sum}, {@code min}, {@code max}, {@code minBy} and {@code maxBy} on a keyed stream.
 * Expected values follow Flink's {@code StreamGroupedReduceOperator} ({@code reduce(running, element)}, the result
 * emitted with the element's timestamp) and its {@code SumAggregator} and {@code ComparableAggregator}.
 */
class RollingAggregationTest {

    public record Meta(String venue, short lots, byte flags) {}

    public record Trade(String account, int qty, long notional, double price, float fee, Meta meta) {
        static Trade of(String account, int qty, long notional) {
            return new Trade(account, qty, notional, 1.0, 0.5f, new Meta("v-" + notional, (short) 1, (byte) 1));
        }
    }

    public record Payment(String account, BigDecimal amount, List<String> tags) {}

    /** A POJO with a public field, a private one behind a getter and setter, and a nested POJO. */
    public static final class Reading {
        public String sensor;
        public double value;
        private long count;
        public Location location;

        public Reading() {}

        Reading(String sensor, double value, long count, int floor) {
            this.sensor = sensor;
            this.value = value;
            this.count = count;
            this.location = new Location();
            this.location.floor = floor;
            this.location.room = "room-" + floor;
        }

        public long getCount() {
            return count;
        }

        public void setCount(long count) {
            this.count = count;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Reading r
                    && Objects.equals(sensor, r.sensor)
                    && value == r.value
                    && count == r.count
                    && Objects.equals(location, r.location);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sensor, value, count, location);
        }

        @Override
        public String toString() {
            return sensor + "/" + value + "/" + count + "/" + location;
        }
    }

    public static final class Location {
        public int floor;
        public String room;

        @Override
        public boolean equals(Object other) {
            return other instanceof Location l && floor == l.floor && Objects.equals(room, l.room);
        }

        @Override
        public int hashCode() {
            return Objects.hash(floor, room);
        }

        @Override
        public String toString() {
            return room + "@" + floor;
        }
    }

    /** A POJO whose field can be neither read nor set from outside. */
    public static final class Sealed {
        private int hidden;

        public int hidden() {
            return hidden;
        }
    }

    private static <T> KeyedOperatorHarness<String, T, T> harness(
            KeySelector<T, String> key, Serde<T> serde, Function<KeyedStream<T, String>, DataStream<T>> operators)
            throws Exception {
        return KeyedOperatorHarness.of(key, Serdes.string(), serde, operators);
    }

    private static KeyedOperatorHarness<String, Trade, Trade> trades(
            Function<KeyedStream<Trade, String>, DataStream<Trade>> operators) throws Exception {
        return harness(Trade::account, Serdes.json(Trade.class), operators);
    }

    @Test
    void reduceEmitsTheRunningValuePerKeyForEveryElementWithTheElementsTimestamp() throws Exception {
        try (var harness = harness(
                value -> value.substring(0, 1),
                Serdes.string(),
                keyed -> keyed.reduce((running, element) -> running + "+" + element))) {
            harness.processElement("a1", 100);
            harness.processElement("a2", 50);
            harness.processElement("b1", 70);
            harness.processElement("a3", 200);
            assertThat(harness.outputWithTimestamps())
                    .containsExactly(
                            new TimestampedValue<>("a1", 100),
                            new TimestampedValue<>("a1+a2", 50),
                            new TimestampedValue<>("b1", 70),
                            new TimestampedValue<>("a1+a2+a3", 200));
        }
    }

    @Test
    void theRunningValueIsKeyedStateThatSurvivesARestartOnceCommitted() throws Exception {
        try (var harness = harness(value -> "k", Serdes.integers(), keyed -> keyed.sum("*"))) {
            harness.processElement(1, 0);
            harness.processElement(2, 0);
            harness.commit();
            harness.processElement(100, 0);
            harness.restart();
            harness.processElement(3, 0);
            assertThat(harness.output()).containsExactly(1, 3, 103, 6);
        }
    }

    @Test
    void sumReplacesOnlyTheFieldAndKeepsTheFirstElementsOtherFields() throws Exception {
        try (var harness = trades(keyed -> keyed.sum("qty"))) {
            harness.processElement(Trade.of("a", 1, 10), 100);
            harness.processElement(Trade.of("a", 2, 20), 50);
            harness.processElement(Trade.of("b", 5, 30), 70);
            harness.processElement(Trade.of("a", 3, 40), 200);
            assertThat(harness.outputWithTimestamps())
                    .containsExactly(
                            new TimestampedValue<>(Trade.of("a", 1, 10), 100),
                            new TimestampedValue<>(Trade.of("a", 3, 10), 50),
                            new TimestampedValue<>(Trade.of("b", 5, 30), 70),
                            new TimestampedValue<>(Trade.of("a", 6, 10), 200));
        }
    }

    @Test
    void sumKeepsEachNumericTypeWithJavasArithmetic() throws Exception {
        Meta big = new Meta("v", (short) 32_767, (byte) 127);
        Trade first = new Trade("a", Integer.MAX_VALUE, Long.MAX_VALUE, 0.1, 0.1f, big);
        Trade second = new Trade("a", 1, 1, 0.2, 0.2f, new Meta("w", (short) 1, (byte) 1));
        for (String field : List.of("qty", "notional", "price", "fee", "meta.lots", "meta.flags")) {
            try (var harness = trades(keyed -> keyed.sum(field))) {
                harness.processElement(first, 0);
                harness.processElement(second, 0);
                Trade sum = harness.output().get(1);
                switch (field) {
                    case "qty" -> assertThat(sum.qty()).isEqualTo(Integer.MIN_VALUE);
                    case "notional" -> assertThat(sum.notional()).isEqualTo(Long.MIN_VALUE);
                    case "price" -> assertThat(sum.price()).isEqualTo(0.1 + 0.2);
                    case "fee" -> assertThat(sum.fee()).isEqualTo(0.1f + 0.2f);
                    case "meta.lots" -> assertThat(sum.meta().lots()).isEqualTo(Short.MIN_VALUE);
                    default -> assertThat(sum.meta().flags()).isEqualTo(Byte.MIN_VALUE);
                }
            }
        }
    }

    @Test
    void aNestedFieldIsAggregatedInsideTheFirstElementsNestedValue() throws Exception {
        try (var harness = trades(keyed -> keyed.sum("meta.lots"))) {
            harness.processElement(new Trade("a", 1, 1, 1, 1, new Meta("first", (short) 2, (byte) 0)), 0);
            harness.processElement(new Trade("a", 2, 2, 2, 2, new Meta("second", (short) 3, (byte) 9)), 0);
            assertThat(harness.output().get(1))
                    .isEqualTo(new Trade("a", 1, 1, 1, 1, new Meta("first", (short) 5, (byte) 0)));
        }
    }

    @Test
    void minAndMaxKeepTheFirstElementsOtherFields() throws Exception {
        try (var min = trades(keyed -> keyed.min("qty"));
                var max = trades(keyed -> keyed.max("qty"))) {
            for (var harness : List.of(min, max)) {
                harness.processElement(Trade.of("a", 5, 1), 0);
                harness.processElement(Trade.of("a", 3, 2), 0);
                harness.processElement(Trade.of("a", 7, 3), 0);
                harness.processElement(Trade.of("a", 4, 4), 0);
            }
            assertThat(min.output())
                    .containsExactly(
                            Trade.of("a", 5, 1), Trade.of("a", 3, 1), Trade.of("a", 3, 1), Trade.of("a", 3, 1));
            assertThat(max.output())
                    .containsExactly(
                            Trade.of("a", 5, 1), Trade.of("a", 5, 1), Trade.of("a", 7, 1), Trade.of("a", 7, 1));
        }
    }

    @Test
    void onATieMinAndMaxTakeTheNewerFieldAsFlinkDoes() throws Exception {
        // Flink's min and max keep the running field only when it is strictly smaller (greater); when compareTo
        // says equal they set the new element's field, which shows for BigDecimals of another scale.
        Serde<Payment> serde = Serdes.json(Payment.class);
        try (var min = harness(Payment::account, serde, keyed -> keyed.min("amount"));
                var max = harness(Payment::account, serde, keyed -> keyed.max("amount"))) {
            for (var harness : List.of(min, max)) {
                harness.processElement(new Payment("a", new BigDecimal("1.0"), List.of("first")), 0);
                harness.processElement(new Payment("a", new BigDecimal("1.00"), List.of("second")), 0);
            }
            Payment expected = new Payment("a", new BigDecimal("1.00"), List.of("first"));
            assertThat(min.output().get(1)).isEqualTo(expected);
            assertThat(max.output().get(1)).isEqualTo(expected);
        }
    }

    @Test
    void minByAndMaxByReturnWholeElementsAndResolveTiesByFirst() throws Exception {
        List<Trade> input = List.of(
                Trade.of("a", 5, 1),
                Trade.of("a", 3, 2),
                Trade.of("a", 3, 3),
                Trade.of("a", 7, 4),
                Trade.of("a", 7, 5));
        record Case(Function<KeyedStream<Trade, String>, DataStream<Trade>> operator, List<Long> notionals) {}
        List<Case> cases = List.of(
                new Case(keyed -> keyed.minBy("qty"), List.of(1L, 2L, 2L, 2L, 2L)),
                new Case(keyed -> keyed.minBy("qty", true), List.of(1L, 2L, 2L, 2L, 2L)),
                new Case(keyed -> keyed.minBy("qty", false), List.of(1L, 2L, 3L, 3L, 3L)),
                new Case(keyed -> keyed.maxBy("qty"), List.of(1L, 1L, 1L, 4L, 4L)),
                new Case(keyed -> keyed.maxBy("qty", true), List.of(1L, 1L, 1L, 4L, 4L)),
                new Case(keyed -> keyed.maxBy("qty", false), List.of(1L, 1L, 1L, 4L, 5L)));
        for (Case c : cases) {
            try (var harness = trades(c.operator())) {
                for (Trade trade : input) {
                    harness.processElement(trade, 0);
                }
                assertThat(harness.output()).extracting(Trade::notional).isEqualTo(c.notionals());
                assertThat(harness.output())
                        .allSatisfy(trade -> assertThat(input).contains(trade));
            }
        }
    }

    @Test
    void theWholeValueOfABasicTypeIsAddressedByStarOrZero() throws Exception {
        try (var sum = harness(value -> "k", Serdes.longs(), keyed -> keyed.sum("*"));
                var min = harness(value -> "k", Serdes.longs(), keyed -> keyed.min("0"));
                var maxBy = harness(value -> "k", Serdes.longs(), keyed -> keyed.maxBy("*"));
                var strings = harness(value -> "k", Serdes.string(), keyed -> keyed.min("*"))) {
            for (long value : new long[] {4, 2, 9}) {
                sum.processElement(value, 0);
                min.processElement(value, 0);
                maxBy.processElement(value, 0);
            }
            for (String value : List.of("pear", "apple", "quince")) {
                strings.processElement(value, 0);
            }
            assertThat(sum.output()).containsExactly(4L, 6L, 15L);
            assertThat(min.output()).containsExactly(4L, 2L, 2L);
            assertThat(maxBy.output()).containsExactly(4L, 4L, 9L);
            assertThat(strings.output()).containsExactly("pear", "apple", "apple");
        }
    }

    @Test
    void pojoFieldsArePublicOrBehindGetterAndSetterAndTheElementsHandedInStayUnchanged() throws Exception {
        Serde<Reading> serde = Serdes.json(Reading.class);
        for (String field : List.of("value", "count", "location.floor")) {
            try (var harness = harness(r -> r.sensor, serde, keyed -> keyed.sum(field))) {
                Reading first = new Reading("s", 1.5, 10, 1);
                Reading second = new Reading("s", 2.5, 20, 2);
                Reading third = new Reading("s", 3.0, 30, 3);
                harness.processElement(first, 0);
                harness.processElement(second, 0);
                harness.processElement(third, 0);
                Reading expected = switch (field) {
                    case "value" -> new Reading("s", 7.0, 10, 1);
                    case "count" -> new Reading("s", 1.5, 60, 1);
                    default -> {
                        Reading r = new Reading("s", 1.5, 10, 1);
                        r.location.floor = 6;
                        yield r;
                    }
                };
                assertThat(harness.output().get(2)).as(field).isEqualTo(expected);
                assertThat(List.of(first, second, third))
                        .as(field)
                        .containsExactly(
                                new Reading("s", 1.5, 10, 1),
                                new Reading("s", 2.5, 20, 2),
                                new Reading("s", 3.0, 30, 3));
                assertThat(harness.output().get(0)).as(field).isEqualTo(new Reading("s", 1.5, 10, 1));
            }
        }
    }

    @Test
    void aFieldThatDoesNotExistFailsWhenTheJobIsBuiltNamingTheFieldAndType() {
        assertThatThrownBy(() -> trades(keyed -> keyed.sum("qtty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum(\"qtty\"): " + Trade.class.getName()
                        + " has no field \"qtty\" (its fields: account, qty, notional, price, fee, meta)");
        assertThatThrownBy(() -> trades(keyed -> keyed.maxBy("meta.size")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBy(\"meta.size\"): " + Meta.class.getName()
                        + " has no field \"size\" (its fields: venue, lots, flags)");
        assertThatThrownBy(() -> harness(r -> r.sensor, Serdes.json(Reading.class), keyed -> keyed.min("colour")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min(\"colour\"): " + Reading.class.getName()
                        + " has no field \"colour\" (its fields: sensor, value, count, location)");
    }

    @Test
    void aFieldThatSumCannotAddFailsWhenTheJobIsBuilt() {
        assertThatThrownBy(() -> trades(keyed -> keyed.sum("account")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum(\"account\"): the field account of " + Trade.class.getName()
                        + " is a java.lang.String, which sum cannot add: as in Flink, sum adds int, long, short, byte,"
                        + " float and double fields (boxed or not)");
        // Flink's SumFunction has no BigDecimal (nor BigInteger) adder: sum refuses them; min and max compare them.
        assertThatThrownBy(() -> harness(Payment::account, Serdes.json(Payment.class), keyed -> keyed.sum("amount")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sum(\"amount\"): the field amount of " + Payment.class.getName()
                        + " is a java.math.BigDecimal, which sum cannot add");
        assertThatThrownBy(() -> harness(value -> "k", Serdes.string(), keyed -> keyed.sum("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sum(\"*\"): the whole value is a java.lang.String, which sum cannot add");
    }

    @Test
    void aFieldThatIsNotComparableFailsWhenTheJobIsBuilt() {
        assertThatThrownBy(() -> harness(Payment::account, Serdes.json(Payment.class), keyed -> keyed.minBy("tags")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minBy(\"tags\"): the field tags of " + Payment.class.getName()
                        + " is a java.util.List, which is not Comparable, so minBy cannot compare it");
        assertThatThrownBy(() -> trades(keyed -> keyed.max("meta")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max(\"meta\"): the field meta of " + Trade.class.getName() + " is a "
                        + Meta.class.getName() + ", which is not Comparable, so max cannot compare it");
    }

    @Test
    void fieldExpressionsMustFitTheShapeOfTheType() {
        assertThatThrownBy(() -> trades(keyed -> keyed.sum("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum(\"*\"): \"*\" selects the whole value only of a basic type (a number, String,"
                        + " BigInteger, BigDecimal, ...), and " + Trade.class.getName()
                        + " is not one: name one of its fields instead");
        assertThatThrownBy(() -> harness(value -> "k", Serdes.longs(), keyed -> keyed.sum("value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum(\"value\"): java.lang.Long is a basic type without fields; a field expression on"
                        + " it can only be \"*\" (or \"0\"), which selects the whole value");
        assertThatThrownBy(() -> trades(keyed -> keyed.min("account.length")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("min(\"account.length\"): java.lang.String is a basic type without fields");
        assertThatThrownBy(() -> harness(Payment::account, Serdes.json(Payment.class), keyed -> keyed.min("tags.size")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min(\"tags.size\"): cannot select the field \"size\" of java.util.List: field"
                        + " expressions address the fields of records and POJOs, and \"*\" the whole value of a basic"
                        + " type");
        assertThatThrownBy(() -> trades(keyed -> keyed.min("qty..x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("min(\"qty..x\"): ");
    }

    @Test
    void aPojoFieldMustBePublicOrHaveAGetterAndSetter() {
        Serde<Sealed> serde = new Serde<>() {
            @Override
            public byte[] serialize(Sealed value) {
                return new byte[0];
            }

            @Override
            public Sealed deserialize(byte[] bytes) {
                return new Sealed();
            }

            @Override
            public Optional<Class<Sealed>> type() {
                return Optional.of(Sealed.class);
            }
        };
        assertThatThrownBy(() -> harness(value -> "k", serde, keyed -> keyed.sum("hidden")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum(\"hidden\"): the field hidden of " + Sealed.class.getName()
                        + " is neither public nor has a public getter and setter, so it cannot be read and set");
    }

    @Test
    void aValueSerdeThatDoesNotNameItsClassIsRefusedWhenTheJobIsBuilt() {
        Serde<Long> anonymous = new Serde<>() {
            @Override
            public byte[] serialize(Long value) {
                return Serdes.longs().serialize(value);
            }

            @Override
            public Long deserialize(byte[] bytes) {
                return Serdes.longs().deserialize(bytes);
            }
        };
        assertThatThrownBy(() -> harness(value -> "k", anonymous, keyed -> keyed.sum("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum(\"*\") needs the element class to resolve the field expression, and the value serde"
                        + " given to keyBy (" + anonymous.getClass().getName()
                        + ") does not name it: override Serde.type()");
    }
}
