package io.rivulet.samples.sessions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A generated click stream and the sessions a straightforward calculation finds in it: per user, sort the
 * clicks and cut wherever two clicks are more than the gap apart. The stream is in event-time order except
 * for neighbours less than the out-of-orderness apart, which are swapped at random, so no click is late.
 */
final class ClickStream {

    static final long BASE = 1_700_000_000_000L;
    static final long MINUTE = 60_000;
    static final long GAP = 30 * MINUTE;

    record GeneratedClick(String user, String url, long ts) {
        String json() {
            return "{\"user\":\"" + user + "\",\"url\":\"" + url + "\",\"ts\":" + ts + "}";
        }
    }

    private ClickStream() {}

    /** Users with several sessions each, the sessions separated by more than the gap. */
    static List<GeneratedClick> generate(int users, long seed) {
        Random random = new Random(seed);
        List<GeneratedClick> clicks = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String user = "user-" + u;
            long ts = BASE + random.nextInt(600_000);
            int sessions = 2 + random.nextInt(3);
            for (int s = 0; s < sessions; s++) {
                int sessionClicks = 1 + random.nextInt(6);
                for (int c = 0; c < sessionClicks; c++) {
                    clicks.add(new GeneratedClick(user, "/page/" + random.nextInt(20), ts));
                    ts += 1_000 + random.nextInt((int) (10 * MINUTE));
                }
                ts += GAP + 1 + random.nextInt((int) (60 * MINUTE));
            }
        }
        clicks.sort(Comparator.comparingLong(GeneratedClick::ts));
        for (int i = 0; i + 1 < clicks.size(); i++) {
            if (clicks.get(i + 1).ts() - clicks.get(i).ts() < 4_000 && random.nextBoolean()) {
                Collections.swap(clicks, i, i + 1);
                // Skip the swapped pair, so that no click moves more than one place.
                i++;
            }
        }
        return clicks;
    }

    static List<UserSession> referenceSessions(List<GeneratedClick> clicks) {
        List<GeneratedClick> sorted = new ArrayList<>(clicks);
        sorted.sort(Comparator.comparing(GeneratedClick::user).thenComparingLong(GeneratedClick::ts));
        List<UserSession> sessions = new ArrayList<>();
        GeneratedClick first = null;
        GeneratedClick last = null;
        int count = 0;
        for (GeneratedClick click : sorted) {
            if (last != null && (!last.user().equals(click.user()) || click.ts() - last.ts() > GAP)) {
                sessions.add(new UserSession(first.user(), first.ts(), last.ts() + GAP, count));
                first = null;
                count = 0;
            }
            if (first == null) {
                first = click;
            }
            last = click;
            count++;
        }
        if (last != null) {
            sessions.add(new UserSession(first.user(), first.ts(), last.ts() + GAP, count));
        }
        return sessions;
    }
}
