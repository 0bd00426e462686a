package io.rivulet.internal.runtime.savepoint;

/**
 * What the stream threads of an instance are to do, as the control topic says.
 *
 * @param savepointId the savepoint it is about; null when running normally
 * @param round the savepoint's round (attempt)
 */
public record Directive(Kind kind, String savepointId, int round) {

    public enum Kind {
        /** Process normally. */
        RUN,
        /** Stop reading input topics; process what is in flight (repartition topics, queued records). */
        DRAIN,
        /** Commit once, then process nothing: the savepoint is being written. */
        FREEZE,
        /** The job stopped with a savepoint: process nothing, commit nothing, until a restore. */
        STOPPED
    }

    public static final Directive RUN = new Directive(Kind.RUN, null, 0);

    /** Whether input topics are to be left unread. */
    public boolean pausesInput() {
        return kind != Kind.RUN;
    }

    /** Whether nothing at all is to be processed or committed. */
    public boolean pausesEverything() {
        return kind == Kind.FREEZE || kind == Kind.STOPPED;
    }
}
