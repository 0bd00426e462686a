package io.rivulet.internal.state;

import java.util.Set;

/**
 * How a state is named: {@code <uid>/<name>}, the operator's uid first, so that state (its column family, its
 * changelog records, a savepoint's entries) is addressed by the operator it belongs to.
 */
public final class StateNames {

    public static final String BROADCAST = "broadcast/";
    public static final String OPERATOR = "operator/";

    /** The prefixes of the names of state that belongs to a whole task, not to a key: broadcast and operator state. */
    public static final Set<String> WHOLE_TASK_PREFIXES = Set.of(BROADCAST, OPERATOR);

    private StateNames() {}

    public static String of(String uid, String name) {
        return uid + "/" + name;
    }

    /** The operator uid a state name belongs to: the part before the first {@code /}. */
    public static String uidOf(String stateName) {
        return stateName.substring(0, stateName.indexOf('/'));
    }

    /** The state's name within its operator: the part after the first {@code /}. */
    public static String nameOf(String stateName) {
        return stateName.substring(stateName.indexOf('/') + 1);
    }

    /** Whether the state belongs to a whole task (broadcast or operator state) rather than to keys. */
    public static boolean isWholeTask(String stateName) {
        String name = nameOf(stateName);
        return WHOLE_TASK_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Whether the state is broadcast state: the same on every task. */
    public static boolean isBroadcast(String stateName) {
        return nameOf(stateName).startsWith(BROADCAST);
    }
}
