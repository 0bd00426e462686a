package io.rivulet.samples.sessions;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/**
 * A session of one user, as written to {@code user-sessions}: the session window's bounds, {@code end}
 * exclusive (the last click plus the gap), and the number of clicks in it.
 */
public record UserSession(String user, long start, long end, long clicks) {

    public static final Serde<UserSession> SERDE = Serdes.json(UserSession.class);
}
