package io.rivulet.sink;

/**
 * The open transaction (or, without transactions, the unflushed output) did not commit and was rolled back
 * as far as Kafka allows. The caller drops the uncommitted state of its tasks and resumes from the last
 * committed offsets; when {@link #ownershipLost()} it must also rejoin the group, because a newer member
 * owns (some of) its partitions now.
 */
public class TransactionAbortedException extends RuntimeException {

    private final boolean ownershipLost;

    public TransactionAbortedException(String message, Throwable cause, boolean ownershipLost) {
        super(message, cause);
        this.ownershipLost = ownershipLost;
    }

    public boolean ownershipLost() {
        return ownershipLost;
    }
}
