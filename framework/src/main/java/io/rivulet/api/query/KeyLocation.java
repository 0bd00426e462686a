package io.rivulet.api.query;

import java.util.Optional;

/** Where the committed state of one key lives now, as the group's latest assignment says. */
public sealed interface KeyLocation {

    /** This instance holds the key's task: it answers queries of the key itself. */
    record Local(String processId) implements KeyLocation {}

    /**
     * Another instance holds the key's task.
     *
     * @param processId that instance's process id
     * @param advertisedUrl where its HTTP endpoints answer ({@code rivulet.advertised-url}); empty if it serves none
     */
    record Remote(String processId, Optional<String> advertisedUrl) implements KeyLocation {}

    /** Nobody is known to hold the key's task: the group is rebalancing; ask again shortly. */
    record Unknown(String reason) implements KeyLocation {}
}
