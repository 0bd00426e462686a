package io.rivulet.internal.quarkus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.rivulet.internal.runtime.GroupView;
import io.rivulet.internal.runtime.StreamsRuntime;

/**
 * {@code GET /rivulet/api/group}: the instances of the application's group and the tasks each holds, as the group
 * coordinator describes them — what this instance can know of the others without any other infrastructure.
 */
@Path("/rivulet/api/group")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    private static final Duration COORDINATOR_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    RivuletService service;

    @GET
    public Response group() throws InterruptedException {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            return ApiResponses.notStarted();
        }
        GroupView group;
        try {
            group = runtime.group(COORDINATOR_TIMEOUT);
        } catch (ExecutionException | TimeoutException e) {
            return ApiResponses.error(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "the group coordinator did not describe group "
                            + runtime.topology().applicationId() + ": " + (e.getCause() == null ? e : e.getCause()));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("group-id", group.groupId());
        view.put("state", group.state());
        view.put(
                "instances",
                group.instances().stream().map(GroupResource::instance).toList());
        return Response.ok(view).build();
    }

    private static Map<String, Object> instance(GroupView.Instance instance) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("instance", instance.processId());
        row.put("host", instance.host());
        row.put("self", instance.self());
        instance.advertisedUrl().ifPresent(url -> row.put("url", url));
        row.put(
                "members",
                instance.members().stream().map(GroupResource::member).toList());
        row.put(
                "tasks",
                instance.members().stream()
                        .flatMap(member -> member.tasks().stream())
                        .sorted()
                        .toList());
        return row;
    }

    private static Map<String, Object> member(GroupView.Member member) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("client-id", member.clientId());
        member.groupInstanceId().ifPresent(id -> row.put("group-instance-id", id));
        row.put("partitions", member.partitions());
        row.put("tasks", List.copyOf(member.tasks()));
        return row;
    }
}
