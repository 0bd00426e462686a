package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.KafkaClusters;
import io.rivulet.testkit.SecuredKafkaCluster;
import io.rivulet.testkit.ServiceProcess;

/**
 * The wordcount contract against a broker that demands SASL/SCRAM-SHA-512 over TLS and authorizes by ACLs, the
 * service configured only through {@code RIVULET_KAFKA_*} environment variables: exactly the README's ACLs suffice,
 * withholding one fails start-up naming it, and no secret shows in the log, health, metrics or web UI.
 */
class WordCountSecuredIT {

    private static SecuredKafkaCluster kafka;
    private static Map<String, String> adminClients;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startSecuredBroker() {
        kafka = KafkaClusters.startSecured();
        adminClients = kafka.superUserSettings();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void exactlyTheReadmeAclsRunTheContractAndNoSecretShows() throws Exception {
        String app = "wordcount-secured";
        String user = "wordcount-svc";
        String password = kafka.createUser(user);
        kafka.grant(readmeAcls(user, app));
        WordCountFixture fixture = new WordCountFixture(kafka, 2, adminClients);
        fixture.produceLines(200);
        Map<String, String> env = serviceEnv(app, user, password);
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, env)
                .start()
                .awaitReady()) {
            fixture.assertExactlyOnceCounts();
            fixture.produceLines(100);
            fixture.assertExactlyOnceCounts();
            List<String> secrets =
                    List.of(password, env.get("RIVULET_KAFKA_SSL_TRUSTSTORE_PASSWORD"), "ScramLoginModule");
            Map<String, String> seen = new HashMap<>();
            for (String path : List.of(
                    "/q/health",
                    "/q/health/ready",
                    "/q/health/live",
                    "/q/metrics",
                    "/rivulet/",
                    "/rivulet/rivulet.js",
                    "/rivulet/api/job",
                    "/rivulet/api/tasks",
                    "/rivulet/api/group",
                    "/rivulet/savepoints",
                    "/rivulet/api/state/" + CountPerWord.UID + "/count?key=word1")) {
                seen.put(path, service.body(path));
            }
            seen.put("the log", service.log());
            seen.forEach((where, text) -> secrets.forEach(secret ->
                    assertThat(text).as("%s must not show a secret", where).doesNotContain(secret)));
            assertThat(seen.get("/q/metrics")).contains("rivulet_commits_total");
        }
    }

    @Test
    void withholdingOneAclFailsStartUpNamingIt() throws Exception {
        String app = "wordcount-secured-short";
        assertWithheldStopsTheService(
                app,
                acl -> acl.pattern().name().equals(WordCountJob.OUTPUT),
                "does not grant this service's principal what application " + app + " needs: WRITE on topic "
                        + WordCountJob.OUTPUT + ".");
    }

    @Test
    void withholdingTheTransactionalIdAclStopsTheServiceNamingIt() throws Exception {
        String app = "wordcount-secured-txn";
        assertWithheldStopsTheService(
                app,
                acl -> acl.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID,
                "does not grant WRITE on transactional id " + app + "-");
    }

    /** Grants the README's ACLs but those {@code withheld} selects; the service must exit saying {@code message}. */
    private void assertWithheldStopsTheService(String app, Predicate<AclBinding> withheld, String message)
            throws Exception {
        String user = app + "-svc";
        String password = kafka.createUser(user);
        List<AclBinding> acls = new ArrayList<>(readmeAcls(user, app));
        acls.removeIf(withheld);
        kafka.grant(acls);
        new WordCountFixture(kafka, 2, adminClients);
        try (ServiceProcess service =
                new ServiceProcess(kafka.bootstrapServers(), workDir, serviceEnv(app, user, password)).start()) {
            assertThat(service.waitForExit()).isNotZero();
            assertThat(service.log()).contains(message);
        }
    }

    /** The ACLs the README lists for a Rivulet service, for {@code user} running application {@code app}. */
    static List<AclBinding> readmeAcls(String user, String app) {
        List<AclBinding> acls = new ArrayList<>();
        acls.add(allow(user, ResourceType.TOPIC, WordCountJob.INPUT, PatternType.LITERAL, AclOperation.READ));
        acls.add(allow(user, ResourceType.TOPIC, WordCountJob.OUTPUT, PatternType.LITERAL, AclOperation.WRITE));
        for (AclOperation operation : List.of(
                AclOperation.CREATE,
                AclOperation.READ,
                AclOperation.WRITE,
                AclOperation.DELETE,
                AclOperation.DESCRIBE_CONFIGS)) {
            acls.add(allow(user, ResourceType.TOPIC, app + "-", PatternType.PREFIXED, operation));
        }
        acls.add(allow(user, ResourceType.GROUP, app, PatternType.LITERAL, AclOperation.READ));
        acls.add(allow(user, ResourceType.TRANSACTIONAL_ID, app + "-", PatternType.PREFIXED, AclOperation.WRITE));
        return acls;
    }

    private static AclBinding allow(
            String user, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /** The client settings from the environment, as a container platform passes them (secrets included). */
    private static Map<String, String> serviceEnv(String app, String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("RIVULET_APPLICATION_ID", app);
        kafka.clientSettings(user, password).forEach((key, value) -> {
            if (key.equals("sasl.mechanism")) {
                // One as a system property, as -D on the command line sets it: both are Quarkus configuration.
                env.put("JAVA_TOOL_OPTIONS", "-Drivulet.kafka.sasl.mechanism=" + value);
            } else if (!key.equals("bootstrap.servers")) {
                env.put("RIVULET_KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value);
            }
        });
        return env;
    }
}
