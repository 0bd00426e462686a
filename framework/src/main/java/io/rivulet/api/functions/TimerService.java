package io.rivulet.api.functions;

/**
 * Time and timers of a keyed operator, as Flink's. Timers are scoped to the current key and deduplicated per
 * key and timestamp; they are keyed state (committed, in the changelog) so they survive crashes and moves.
 * Event-time timers fire in timestamp order when the watermark reaches them; processing-time timers when
 * the clock passes them, including those that fell due while the service was down, right after restore.
 */
public interface TimerService {

    long currentProcessingTime();

    /** The operator's event time: the last watermark it saw. */
    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
