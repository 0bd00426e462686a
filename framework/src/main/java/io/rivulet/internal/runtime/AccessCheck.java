package io.rivulet.internal.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.rivulet.internal.runtime.task.StreamsFatalException;

/**
 * Checks, before anything starts, that the service's principal holds every permission the job needs, and fails
 * start-up naming all that are missing — rather than a stream thread dying later of an authorization error on one
 * of them. Asked of the cluster itself: the operations it authorizes on each existing topic and on the group, and a
 * validate-only creation for each internal topic that does not exist yet. Against a cluster without an authorizer
 * every operation is authorized, so the check passes.
 */
final class AccessCheck {

    private static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;
    private final String applicationId;

    AccessCheck(Admin admin, String applicationId) {
        this.admin = admin;
        this.applicationId = applicationId;
    }

    /**
     * @param sources the job's input topics: READ
     * @param sinks the job's output topics: WRITE
     * @param internal the topics the framework creates and uses, with what it does on them (CREATE too while missing)
     * @throws StreamsFatalException listing every missing permission
     */
    void verify(Collection<String> sources, Collection<String> sinks, Map<String, Set<AclOperation>> internal) {
        Map<String, Set<AclOperation>> needed = new TreeMap<>();
        sources.forEach(
                topic -> needed.computeIfAbsent(topic, t -> new TreeSet<>()).add(AclOperation.READ));
        sinks.forEach(
                topic -> needed.computeIfAbsent(topic, t -> new TreeSet<>()).add(AclOperation.WRITE));
        internal.forEach((topic, operations) ->
                needed.computeIfAbsent(topic, t -> new TreeSet<>()).addAll(operations));
        List<String> missing = new ArrayList<>();
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                        needed.keySet(), new DescribeTopicsOptions().includeAuthorizedOperations(true))
                .topicNameValues();
        needed.forEach((topic, operations) -> {
            try {
                Set<AclOperation> granted = get(described.get(topic)).authorizedOperations();
                operations.stream()
                        .filter(operation -> granted != null && !granted.contains(operation))
                        .forEach(operation -> missing.add(operation + " on topic " + topic));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    operations.forEach(operation -> missing.add(operation + " on topic " + topic));
                } else if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    if (internal.containsKey(topic) && !mayCreate(topic)) {
                        missing.add(AclOperation.CREATE + " on topic " + topic);
                    }
                } else {
                    throw failure("describing topic " + topic, e.getCause());
                }
            }
        });
        try {
            ConsumerGroupDescription group = get(admin.describeConsumerGroups(
                            List.of(applicationId),
                            new DescribeConsumerGroupsOptions().includeAuthorizedOperations(true))
                    .describedGroups()
                    .get(applicationId));
            Set<AclOperation> granted = group.authorizedOperations();
            if (granted != null && !granted.contains(AclOperation.READ)) {
                missing.add(AclOperation.READ + " on group " + applicationId);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupAuthorizationException) {
                missing.add(AclOperation.READ + " on group " + applicationId);
            } else if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                // A group that does not exist yet has no operations to show; that the broker said so, rather
                // than refusing, means the principal may at least describe it.
                throw failure("describing group " + applicationId, e.getCause());
            }
        }
        if (!missing.isEmpty()) {
            throw new StreamsFatalException(
                    "the Kafka cluster does not grant this service's principal what application "
                            + applicationId + " needs: " + String.join(", ", missing)
                            + ". Grant them (internal topics and"
                            + " transactional ids by the prefix '" + applicationId
                            + "-'), as the README's ACL list says");
        }
    }

    private boolean mayCreate(String topic) {
        try {
            get(admin.createTopics(
                            List.of(new NewTopic(topic, Optional.of(1), Optional.empty())),
                            new CreateTopicsOptions().validateOnly(true))
                    .all());
            return true;
        } catch (ExecutionException e) {
            return !(e.getCause() instanceof TopicAuthorizationException);
        }
    }

    private static <T> T get(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsFatalException("interrupted while checking the service's permissions", e);
        } catch (TimeoutException e) {
            throw new StreamsFatalException(
                    "checking the service's permissions did not finish within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private static StreamsFatalException failure(String what, Throwable cause) {
        return new StreamsFatalException(what + " failed: " + cause.getMessage(), cause);
    }
}
