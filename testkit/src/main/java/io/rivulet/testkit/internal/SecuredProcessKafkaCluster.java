package io.rivulet.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.SecuredKafkaCluster;

/**
 * A {@link SecuredKafkaCluster} whose node is a child process: its client listener is SASL_SSL, its controller
 * listener plaintext on the loopback interface (only the node itself uses it), and the kit's own principal
 * {@code User:admin} a super user. Users are SCRAM-SHA-512 credentials; the admin user is created when the data
 * directory is formatted, others through the Admin API.
 */
public final class SecuredProcessKafkaCluster implements SecuredKafkaCluster {

    private static final String ADMIN = "admin";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path baseDir;
    private final BrokerNodeProcess node;
    private final String bootstrapServers;
    private final TestCertificates certificates;
    private final String adminPassword;
    private boolean closed;

    private SecuredProcessKafkaCluster(
            Path baseDir,
            BrokerNodeProcess node,
            String bootstrapServers,
            TestCertificates certificates,
            String adminPassword) {
        this.baseDir = baseDir;
        this.node = node;
        this.bootstrapServers = bootstrapServers;
        this.certificates = certificates;
        this.adminPassword = adminPassword;
    }

    public static SecuredProcessKafkaCluster start() {
        Path baseDir = DataDirectories.create("rivulet-kafka-secured-");
        String adminPassword = secret();
        TestCertificates certificates = TestCertificates.create(baseDir.resolve("tls"), secret());
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        String bootstrap = "127.0.0.1:" + port;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        config.put("inter.broker.listener.name", "SASL_SSL");
        config.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        config.put("sasl.enabled.mechanisms", MECHANISM);
        config.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        config.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(ADMIN, adminPassword));
        config.put("ssl.keystore.location", certificates.brokerKeyStore().toString());
        config.put("ssl.keystore.password", certificates.password());
        config.put("ssl.key.password", certificates.password());
        config.put("ssl.keystore.type", "PKCS12");
        config.put("ssl.truststore.location", certificates.trustStore().toString());
        config.put("ssl.truststore.password", certificates.password());
        config.put("ssl.truststore.type", "PKCS12");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The controller listener is plaintext on the loopback interface; the node's own requests arrive there as
        // ANONYMOUS.
        config.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        config.put("allow.everyone.if.no.acl.found", "false");
        Path configFile = baseDir.resolve("secured.properties");
        Path scramFile = baseDir.resolve("scram-credentials");
        try {
            Properties properties = new Properties();
            properties.putAll(config);
            try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                properties.store(writer, "the secured broker's listeners, TLS and authorizer");
            }
            Files.writeString(scramFile, MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BrokerNodeProcess node = new BrokerNodeProcess(
                1,
                baseDir.resolve("node-1"),
                List.of(
                        "--node-id", "1",
                        "--port", String.valueOf(port),
                        "--controller-port", String.valueOf(controllerPort),
                        "--config-file", configFile.toString(),
                        "--scram-credentials-file", scramFile.toString()));
        SecuredProcessKafkaCluster cluster =
                new SecuredProcessKafkaCluster(baseDir, node, bootstrap, certificates, adminPassword);
        try {
            node.start();
            node.awaitReady();
            cluster.awaitServing();
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Set<Integer> nodeIds() {
        return Set.of(1);
    }

    @Override
    public void createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, replicationFactor).configs(configs)))
                    .all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String createUser(String name) {
        String password = secret();
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create user " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return password;
    }

    @Override
    public void grant(Collection<AclBinding> acls) {
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Await.until(
                    TIMEOUT,
                    "ACLs in force: " + acls,
                    () -> admin.describeAcls(AclBindingFilter.ANY)
                            .values()
                            .get()
                            .containsAll(acls));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot grant " + acls, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> clientSettings(String user, String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", MECHANISM);
        settings.put("sasl.jaas.config", jaas(user, password));
        settings.put("ssl.truststore.location", certificates.trustStore().toString());
        settings.put("ssl.truststore.password", certificates.password());
        settings.put("ssl.truststore.type", "PKCS12");
        return settings;
    }

    @Override
    public Map<String, String> superUserSettings() {
        return clientSettings(ADMIN, adminPassword);
    }

    @Override
    public void stopNode(int nodeId) {
        node.stop();
    }

    @Override
    public void killNode(int nodeId) {
        node.kill();
    }

    @Override
    public void startNode(int nodeId) {
        node.start();
        node.awaitReady();
        awaitServing();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        node.kill();
        DataDirectories.deleteRecursively(baseDir);
    }

    private Admin admin() {
        return Admin.create(Map.<String, Object>copyOf(superUserSettings()));
    }

    private void awaitServing() {
        try (Admin admin = admin()) {
            Await.until(
                    TIMEOUT,
                    "the secured broker at " + bootstrapServers + " serving its admin user",
                    () -> !admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty());
        }
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    private static String secret() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
