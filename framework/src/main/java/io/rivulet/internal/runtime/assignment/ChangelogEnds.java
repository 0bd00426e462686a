package io.rivulet.internal.runtime.assignment;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/** Where changelog partitions end now, as a read_committed reader can reach them: what the leader measures lags by. */
@FunctionalInterface
public interface ChangelogEnds {

    /** @throws Exception when the cluster cannot say in time; the assignment then keeps tasks where they are */
    Map<TopicPartition, Long> endOffsets(Set<TopicPartition> changelogs) throws Exception;
}
