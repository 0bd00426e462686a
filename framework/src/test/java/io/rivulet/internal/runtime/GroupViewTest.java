package io.rivulet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupViewTest {

    @Test
    void aStreamThreadsClientIdNamesItsInstance() {
        assertThat(GroupView.processOf("orders", "orders-5add2b69-245c-4350-8f35-4f27d963824f-2-consumer"))
                .isEqualTo("5add2b69-245c-4350-8f35-4f27d963824f");
        assertThat(GroupView.processOf("my-app", "my-app-p1-12-consumer")).isEqualTo("p1");
    }

    @Test
    void aClientIdOfAnotherShapeStandsForItself() {
        assertThat(GroupView.processOf("orders", "console-consumer-1")).isEqualTo("console-consumer-1");
        assertThat(GroupView.processOf("orders", "orders-1-consumer")).isEqualTo("orders-1-consumer");
        assertThat(GroupView.processOf("orders", "orders-p1-1-producer")).isEqualTo("orders-p1-1-producer");
    }
}
