package io.rivulet.state.savepoint;

import java.nio.charset.StandardCharsets;

/**
 * The layout of a state's data file: the magic {@code RVSPSTAT}, the format version (a 4-byte big-endian int),
 * then one record per entry — a flag byte (1 if a partition key follows, 0 if not), then the partition key, the
 * entry's key and its value, each as a 4-byte big-endian length and the bytes. The manifest holds the file's
 * entry count, size and CRC-32C.
 */
final class DataFiles {

    static final byte[] MAGIC = "RVSPSTAT".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = MAGIC.length + Integer.BYTES;
    static final byte WITH_PARTITION_KEY = 1;
    static final byte WITHOUT_PARTITION_KEY = 0;

    private DataFiles() {}
}
