package io.rivulet.testkit;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.common.acl.AclBinding;

/**
 * A single-node broker as a secured production cluster runs: clients must authenticate with SASL/SCRAM-SHA-512
 * over TLS ({@code SASL_SSL}, with a certificate authority and broker certificate made for the run), and the
 * standard authorizer allows nothing that no ACL grants. The kit itself acts as a super user; tests create users
 * and grant them ACLs. Start one with {@link KafkaClusters#startSecured()}.
 */
public interface SecuredKafkaCluster extends KafkaCluster {

    /** The SCRAM-SHA-512 mechanism clients authenticate with. */
    String MECHANISM = "SCRAM-SHA-512";

    /** Creates a SCRAM-SHA-512 user with a random password and returns the password. */
    String createUser(String name);

    /** Grants the ACLs, as a super user, and waits until they are in force. */
    void grant(Collection<AclBinding> acls);

    /**
     * The client settings that authenticate as {@code user}: {@code bootstrap.servers}, {@code security.protocol},
     * {@code sasl.mechanism}, {@code sasl.jaas.config} and the trust store of the run's certificate authority.
     */
    Map<String, String> clientSettings(String user, String password);

    /** {@link #clientSettings} of the kit's super user, for a test's own producers, consumers and admin clients. */
    Map<String, String> superUserSettings();
}
