package io.rivulet.internal.runtime.state;

import java.util.ArrayList;
import java.util.List;

/** Every {@link StagedEffects} of a task, committed or discarded together when a record is done. */
public final class RecordEffects {

    private final List<StagedEffects> participants = new ArrayList<>();

    public void register(StagedEffects participant) {
        participants.add(participant);
    }

    public void commitRecord() {
        for (int i = 0; i < participants.size(); i++) {
            participants.get(i).commitRecord();
        }
    }

    public void discardRecord() {
        for (int i = 0; i < participants.size(); i++) {
            participants.get(i).discardRecord();
        }
    }
}
