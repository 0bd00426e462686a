package io.rivulet.internal.quarkus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether any of a cluster's bootstrap servers accepts connections, asked with a plain TCP connect: a Kafka client
 * would log a warning for every failed attempt (one a second), and refuses to start at all on a host name that does
 * not resolve yet, which in a container platform may be a matter of seconds.
 */
final class KafkaReachability {

    private KafkaReachability() {}

    /**
     * @param bootstrapServers {@code host:port[,host:port…]}
     * @return why none of them can be reached (each server and its error); empty once one accepts a connection
     */
    static Optional<String> unreachable(String bootstrapServers, Duration connectTimeout) {
        List<String> problems = new ArrayList<>();
        for (String server : bootstrapServers.split(",")) {
            String trimmed = server.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0) {
                problems.add(trimmed + ": not host:port");
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(
                        new InetSocketAddress(
                                trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1))),
                        (int) connectTimeout.toMillis());
                return Optional.empty();
            } catch (UnknownHostException e) {
                problems.add(trimmed + ": unknown host");
            } catch (IOException | IllegalArgumentException e) {
                problems.add(
                        trimmed + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return Optional.of(String.join("; ", problems));
    }
}
