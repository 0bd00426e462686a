package io.rivulet.internal.quarkus.deployment;

import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;

import io.rivulet.internal.quarkus.RivuletService;

/**
 * What Quarkus does with Rivulet when it builds a service: names the feature, and indexes the framework so that
 * its beans (the job's lifecycle, the health checks) and its HTTP resources ({@code /rivulet/…}) are part of the
 * application without the service declaring anything.
 */
class RivuletProcessor {

    private static final String FEATURE = "rivulet";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    IndexDependencyBuildItem indexTheFramework() {
        return new IndexDependencyBuildItem("io.rivulet", "rivulet-framework");
    }

    /** The service starts the job at start-up: nothing injects it, so it must not be removed as unused. */
    @BuildStep
    AdditionalBeanBuildItem jobLifecycle() {
        return AdditionalBeanBuildItem.unremovableOf(RivuletService.class);
    }
}
