package io.rivulet.state;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;

/** Entries of one state in key order; close it to release native resources. */
public interface StateIterator extends Iterator<Map.Entry<byte[], byte[]>>, AutoCloseable {

    /** No entries. */
    StateIterator EMPTY = of(Collections.emptyIterator());

    @Override
    void close();

    /** Entries already in memory: nothing to release. */
    static StateIterator of(Iterator<Map.Entry<byte[], byte[]>> entries) {
        return new StateIterator() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Map.Entry<byte[], byte[]> next() {
                return entries.next();
            }

            @Override
            public void close() {}
        };
    }
}
