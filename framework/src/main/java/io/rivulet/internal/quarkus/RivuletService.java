package io.rivulet.internal.quarkus;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.RivuletJob;
import io.rivulet.api.RivuletStarted;
import io.rivulet.internal.config.RivuletConfig;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.StreamsRuntime;

/**
 * Runs the service's {@link RivuletJob} for the life of the Quarkus application: starts it after the
 * configuration is validated, and on shutdown (SIGTERM) commits, closes the tasks cleanly and leaves the
 * group. A stream thread that dies of an error stops the service with exit code 1.
 */
@ApplicationScoped
public class RivuletService {

    private static final Logger LOG = LoggerFactory.getLogger(RivuletService.class);

    @Inject
    Instance<RivuletJob> jobs;

    @Inject
    Event<RivuletStarted> started;

    @Inject
    RivuletConfig config;

    @Inject
    MeterRegistry registry;

    private volatile StreamsRuntime runtime;
    private KafkaWait kafkaWait;
    private volatile ClusterWatch clusterWatch;
    private EmbeddedKafka embeddedKafka;

    void onStart(@Observes @Priority(100) StartupEvent event) {
        List<RivuletJob> declared = jobs.stream().toList();
        if (declared.isEmpty()) {
            LOG.warn("No RivuletJob bean is declared: nothing to run");
            return;
        }
        if (declared.size() > 1) {
            throw new IllegalStateException(
                    "a service runs one job, but " + declared.size() + " RivuletJob beans are declared: "
                            + declared.stream().map(j -> j.getClass().getName()).toList());
        }
        RivuletConfigReader reader = new RivuletConfigReader(config);
        String bootstrap = reader.bootstrapServers().orElse(null);
        boolean embedded = false;
        if (bootstrap == null) {
            if (!ConfigUtils.getProfiles().contains("dev")) {
                throw new IllegalArgumentException("configuration key " + RivuletConfigReader.BOOTSTRAP
                        + " is not set (the embedded broker starts only in the dev profile)");
            }
            embeddedKafka = EmbeddedKafka.start();
            bootstrap = embeddedKafka.bootstrapServers();
            embedded = true;
        }
        RuntimeConfig runtimeConfig = reader.read(bootstrap, embedded).withDefaultAdvertisedUrl(defaultAdvertisedUrl());
        JobBuilder builder = new JobBuilder();
        declared.get(0).define(builder);
        if (embedded) {
            startJob(runtimeConfig, builder);
            return;
        }
        // Start-up must not wait for the cluster: the HTTP endpoints answer meanwhile, so that health can be probed.
        kafkaWait = new KafkaWait(
                bootstrap,
                config.startup().kafkaTimeout(),
                () -> startJob(runtimeConfig, builder),
                () -> Quarkus.asyncExit(1));
        Thread waiting = new Thread(kafkaWait, "rivulet-startup");
        waiting.setDaemon(true);
        waiting.start();
    }

    private void startJob(RuntimeConfig runtimeConfig, JobBuilder builder) {
        try {
            runtime = StreamsRuntime.start(runtimeConfig, JobGraphs.of(builder), registry, error -> {
                LOG.error("Stopping the service: {}", error.getMessage());
                Quarkus.asyncExit(1);
            });
        } catch (RuntimeException e) {
            LOG.error("Stopping the service: the job could not start: {}", e.getMessage(), e);
            Quarkus.asyncExit(1);
            return;
        }
        clusterWatch = ClusterWatch.start((String) runtimeConfig.kafka().get("bootstrap.servers"));
        started.fire(new RivuletStarted(
                runtimeConfig.applicationId(), (String) runtimeConfig.kafka().get("bootstrap.servers")));
    }

    /** {@code http://<quarkus.http.host>:<quarkus.http.port>}, with the host name when it listens on every address. */
    private static String defaultAdvertisedUrl() {
        Config quarkus = ConfigProvider.getConfig();
        String host =
                quarkus.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        int port = quarkus.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return "http://" + host + ":" + port;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (kafkaWait != null) {
            kafkaWait.cancel();
        }
        if (clusterWatch != null) {
            clusterWatch.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (embeddedKafka != null) {
            try {
                embeddedKafka.close();
            } catch (Exception e) {
                LOG.warn("Stopping the embedded Kafka broker failed", e);
            }
        }
    }

    /** The running job, or null before start and when no job is declared. */
    StreamsRuntime runtime() {
        return runtime;
    }

    /** Why the running job's Kafka cluster cannot be reached, and since when; empty while it can. */
    Optional<String> clusterUnreachable() {
        ClusterWatch watch = clusterWatch;
        return watch == null ? Optional.empty() : watch.unreachable();
    }

    /** What the service waits for before its job can start (its Kafka cluster); empty once it started. */
    Optional<String> waitingFor() {
        return kafkaWait == null || runtime != null ? Optional.empty() : kafkaWait.waitingFor();
    }
}
