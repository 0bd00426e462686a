package io.rivulet.sink.internal;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/** Classifies client errors by what the stream thread has to do about them. */
final class KafkaErrors {

    private KafkaErrors() {}

    /** Another member (or a newer generation of the group) owns some of our partitions now. */
    static boolean ownershipLost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException
                    || t instanceof InvalidProducerEpochException
                    || t instanceof CommitFailedException
                    || t instanceof FencedInstanceIdException
                    || t instanceof UnknownMemberIdException
                    || t instanceof IllegalGenerationException
                    || t instanceof RebalanceInProgressException) {
                return true;
            }
        }
        return false;
    }

    /** The producer itself can no longer be used. */
    static boolean producerFenced(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }
}
