package io.rivulet.internal.runtime.state;

/**
 * How a state is named: {@code <uid>/<name>}, the operator's uid first, so that state (its column family, its
 * changelog records, a savepoint's entries) is addressed by the operator it belongs to.
 */
public final class StateNames {

    private StateNames() {}

    public static String of(String uid, String name) {
        return uid + "/" + name;
    }

    /** The operator uid a state name belongs to: the part before the first {@code /}. */
    public static String uidOf(String stateName) {
        return stateName.substring(0, stateName.indexOf('/'));
    }
}
