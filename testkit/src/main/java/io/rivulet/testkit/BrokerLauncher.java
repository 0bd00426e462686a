package io.rivulet.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.rivulet.testkit.internal.BrokerProperties;
import io.rivulet.testkit.internal.DataDirectories;

/**
 * Runs one KRaft node (controller and broker combined) in this process until SIGTERM or Ctrl-C: the
 * embedded default broker for local development, and the program every {@link BrokerMode#PROCESS} node
 * runs. Once the node serves clients it prints one line ending in {@code ready: bootstrap.servers=<address>}.
 */
@Command(
        name = "rivulet-broker",
        mixinStandardHelpOptions = true,
        description = "Starts a local Apache Kafka broker (KRaft) and prints its bootstrap address.")
public final class BrokerLauncher implements Callable<Integer> {

    /** Printed, followed by the address, once the node serves clients. */
    public static final String READY_MARKER = "ready: bootstrap.servers=";

    @Option(names = "--port", description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port = 9092;

    @Option(names = "--controller-port", description = "KRaft controller port (default: the client port + 1).")
    Integer controllerPort;

    @Option(names = "--node-id", description = "Node id (default: ${DEFAULT-VALUE}).")
    int nodeId = 1;

    @Option(names = "--voters", description = "Static controller quorum, id@host:port,... (default: this node alone).")
    String voters;

    @Option(
            names = "--cluster-size",
            description = "Nodes in the cluster, for internal topics' replication (default: ${DEFAULT-VALUE}).")
    int clusterSize = 1;

    @Option(
            names = "--cluster-id",
            description = "Cluster id used when the data directory is formatted (default: random).")
    String clusterId;

    @Option(
            names = "--data-dir",
            description = "Data directory, kept across runs (default: a temporary one, deleted on exit).")
    Path dataDir;

    @Option(
            names = "--config-file",
            description = "Broker properties applied over the defaults, such as listeners and security settings.")
    Path configFile;

    @Option(
            names = "--scram-credentials-file",
            description =
                    "SCRAM users created when the data directory is formatted, one"
                            + " 'SCRAM-SHA-512=[name=...,password=...]' per line; a file, so that no password is on the command line.")
    Path scramCredentialsFile;

    public static void main(String[] args) {
        // Before any logger exists: the kit's own quiet configuration, unless the caller chose one.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:rivulet-testkit-log4j2.xml");
        }
        int exitCode = new CommandLine(new BrokerLauncher()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() throws IOException {
        int controller = controllerPort != null ? controllerPort : port + 1;
        String quorum = voters != null ? voters : nodeId + "@127.0.0.1:" + controller;
        boolean temporary = dataDir == null;
        Path dir = temporary ? DataDirectories.create("rivulet-broker-") : dataDir;
        Files.createDirectories(dir);

        Properties props = new Properties();
        props.putAll(BrokerProperties.forClusterOf(clusterSize));
        props.putAll(Map.of(
                "process.roles",
                "broker,controller",
                "node.id",
                String.valueOf(nodeId),
                "controller.quorum.voters",
                quorum,
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners",
                "PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names",
                "CONTROLLER",
                "inter.broker.listener.name",
                "PLAINTEXT",
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs",
                dir.resolve("logs").toString()));
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                props.load(reader);
            }
        }
        Path config = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(writer, "written by the Rivulet broker launcher");
        }

        PrintStream out = System.out;
        String id = clusterId != null ? clusterId : Uuid.randomUuid().toString();
        List<String> format =
                new ArrayList<>(List.of("format", "--ignore-formatted", "-t", id, "-c", config.toString()));
        if (scramCredentialsFile != null) {
            for (String credential : Files.readAllLines(scramCredentialsFile, StandardCharsets.UTF_8)) {
                if (!credential.isBlank()) {
                    format.addAll(List.of("--add-scram", credential.strip()));
                }
            }
        }
        int formatted = StorageTool.execute(format.toArray(String[]::new), out);
        if (formatted != 0) {
            out.println("formatting " + dir + " failed with exit code " + formatted);
            return formatted;
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            server.awaitShutdown();
                            if (temporary) {
                                DataDirectories.deleteRecursively(dir);
                            }
                        },
                        "rivulet-broker-shutdown"));
        server.startup();
        out.println("Rivulet broker node " + nodeId + " (data in " + dir + ") " + READY_MARKER + "127.0.0.1:" + port);
        out.flush();
        server.awaitShutdown();
        return 0;
    }
}
