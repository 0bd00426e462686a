package io.rivulet.benchmarks;

/** What runs a workload. Every contender uses the same topics, serdes, commit interval and guarantee. */
enum Contender {
    /** A plain kafka-clients consume-transform-produce loop with exactly-once v2 transactions. */
    CEILING_EOS("ceiling-eos"),
    /** The same loop at-least-once: flush, then commit offsets. */
    CEILING_ALOS("ceiling-alos"),
    /** Kafka Streams, same Kafka version, exactly_once_v2, RocksDB stores, idiomatic DSL. */
    KAFKA_STREAMS("kafka-streams"),
    RIVULET("rivulet");

    private final String id;

    Contender(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** The raw loops are the ceiling for stateless work only: state is what frameworks add. */
    boolean runs(Workload workload) {
        return workload.stateless() || (this != CEILING_EOS && this != CEILING_ALOS);
    }

    static Contender parse(String id) {
        for (Contender contender : values()) {
            if (contender.id.equals(id)) {
                return contender;
            }
        }
        throw new IllegalArgumentException("no contender " + id);
    }
}
