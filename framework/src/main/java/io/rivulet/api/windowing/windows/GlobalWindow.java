package io.rivulet.api.windowing.windows;

import io.rivulet.api.serde.Serde;

/** The one window of {@code GlobalWindows}: every element of a key, without end. */
public final class GlobalWindow extends Window {

    private static final GlobalWindow INSTANCE = new GlobalWindow();
    private static final Serde<GlobalWindow> SERDE = new GlobalWindowSerde();

    private GlobalWindow() {}

    public static GlobalWindow get() {
        return INSTANCE;
    }

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    /** Encodes the window as no bytes at all: there is only one. */
    public static Serde<GlobalWindow> serde() {
        return SERDE;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }

    private static final class GlobalWindowSerde implements Serde<GlobalWindow> {

        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(GlobalWindow value) {
            return value == null ? null : new byte[0];
        }

        @Override
        public GlobalWindow deserialize(byte[] bytes) {
            return bytes == null ? null : INSTANCE;
        }
    }
}
