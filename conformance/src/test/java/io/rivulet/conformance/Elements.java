package io.rivulet.conformance;

/** Both sides run on the same elements: {@code "key:value"} strings with a small integer value. */
final class Elements {

    private Elements() {}

    static String key(String element) {
        return element.substring(0, element.indexOf(':'));
    }

    static int value(String element) {
        return Integer.parseInt(element.substring(element.indexOf(':') + 1));
    }
}
