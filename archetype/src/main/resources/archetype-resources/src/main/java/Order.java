package ${package};

/** An order on the {@code orders} topic, as JSON: {@code {"customer": "c-1", "amountCents": 1250}}. */
public record Order(String customer, long amountCents) {
}
