package io.rivulet.state;

import java.util.Iterator;
import java.util.Map;

/** Entries of one state in key order; close it to release native resources. */
public interface StateIterator extends Iterator<Map.Entry<byte[], byte[]>>, AutoCloseable {
    @Override
    void close();
}
