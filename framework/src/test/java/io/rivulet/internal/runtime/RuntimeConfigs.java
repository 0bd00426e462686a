package io.rivulet.internal.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.rivulet.internal.runtime.savepoint.SavepointSettings;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.sink.ProcessingGuarantee;

/** The settings most runtime tests use: exactly-once, 100 ms commits, one thread, failing on errors. */
public final class RuntimeConfigs {

    private RuntimeConfigs() {}

    public static RuntimeConfig exactlyOnce(String applicationId, String bootstrapServers, Path stateDir) {
        return exactlyOnce(applicationId, bootstrapServers, stateDir, SavepointSettings.DEFAULTS);
    }

    public static RuntimeConfig exactlyOnce(
            String applicationId, String bootstrapServers, Path stateDir, SavepointSettings savepoints) {
        return new RuntimeConfig(
                applicationId,
                Map.of("bootstrap.servers", bootstrapServers),
                stateDir,
                ProcessingGuarantee.EXACTLY_ONCE,
                Duration.ofMillis(100),
                1,
                ErrorPolicy.FAIL,
                ErrorPolicy.FAIL,
                Optional.empty(),
                false,
                RuntimeConfig.DEFAULT_WATERMARK_INTERVAL,
                savepoints,
                Optional.empty());
    }
}
