package io.rivulet.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container engine of this machine, {@code docker} or {@code podman}, whichever answers first, for tests
 * that build a service's real image and run it against a testkit broker on 127.0.0.1 (containers share the
 * host's network).
 *
 * <p>Where no image registry is reachable, a JRE base image can be made from Debian packages with
 * {@code mmdebstrap}: {@link #jreBaseImage()} does that once and keeps the image under
 * {@value #LOCAL_JRE_BASE}. Podman runs with {@code runc} when it is installed (crun fails on hybrid cgroup
 * hierarchies) and with explicit open-file and process limits (its defaults can exceed what the host grants).
 */
public final class ContainerEngine {

    /** The base image made from Debian packages when no other is given. */
    public static final String LOCAL_JRE_BASE = "localhost/debian-jre17:bookworm";

    /** A system property (or, upper-cased with underscores, an environment variable) naming the base image. */
    public static final String BASE_IMAGE_PROPERTY = "rivulet.container.base-image";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerEngine.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
    private static final List<String> LIMITS = List.of("--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024");

    private final String executable;
    private final List<String> globalOptions;

    private ContainerEngine(String executable, List<String> globalOptions) {
        this.executable = executable;
        this.globalOptions = globalOptions;
    }

    /** The first of docker and podman whose {@code info} succeeds, or empty when neither does. */
    public static Optional<ContainerEngine> find() {
        for (String candidate : List.of("docker", "podman")) {
            List<String> options =
                    "podman".equals(candidate) && onPath("runc") ? List.of("--runtime", "runc") : List.of();
            ContainerEngine engine = new ContainerEngine(candidate, options);
            if (engine.answers()) {
                return Optional.of(engine);
            }
        }
        return Optional.empty();
    }

    /** {@code docker} or {@code podman}. */
    public String name() {
        return executable;
    }

    /**
     * The base image for a service's image: the one named by {@value #BASE_IMAGE_PROPERTY} if set; else
     * {@value #LOCAL_JRE_BASE} if this engine has it; else that image made now with {@code mmdebstrap}
     * (about a minute) where it is installed; else empty, and the Dockerfile's own default (a public image
     * the engine pulls) applies.
     */
    public Optional<String> jreBaseImage() {
        String configured = System.getProperty(BASE_IMAGE_PROPERTY, System.getenv("RIVULET_CONTAINER_BASE_IMAGE"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.strip());
        }
        if (hasImage(LOCAL_JRE_BASE)) {
            return Optional.of(LOCAL_JRE_BASE);
        }
        if (!onPath("mmdebstrap")) {
            return Optional.empty();
        }
        Path work = temporaryDirectory("rivulet-base-image");
        try {
            Path rootfs = work.resolve("rootfs.tar");
            LOG.info("Making the base image {} from Debian packages with mmdebstrap", LOCAL_JRE_BASE);
            run(
                    List.of(
                            "mmdebstrap",
                            "--variant=apt",
                            "--include=openjdk-17-jre-headless,ca-certificates",
                            "bookworm",
                            rootfs.toString()),
                    work.resolve("mmdebstrap.log"));
            engine(work.resolve("import.log"), "import", rootfs.toString(), LOCAL_JRE_BASE);
            return Optional.of(LOCAL_JRE_BASE);
        } finally {
            deleteQuietly(work.resolve("rootfs.tar"));
        }
    }

    /**
     * Builds {@code tag} from {@code dockerfile} with {@code context} as build context; {@code baseImage},
     * when present, is passed as the build argument {@code BASE_IMAGE}.
     */
    public void build(Path context, Path dockerfile, String tag, Optional<String> baseImage, Path log) {
        List<String> args = new ArrayList<>(List.of("build", "-f", dockerfile.toString(), "-t", tag));
        args.addAll(LIMITS);
        baseImage.ifPresent(base -> args.addAll(List.of("--build-arg", "BASE_IMAGE=" + base)));
        args.add(context.toString());
        engine(log, args.toArray(String[]::new));
    }

    /** Creates a named volume, empty; a container mounting it first gets the image directory's ownership. */
    public void createVolume(String volume) {
        engine(null, "volume", "create", volume);
    }

    /** Removes a named volume and everything in it, if it exists. */
    public void removeVolume(String volume) {
        runQuietly("volume", "rm", "-f", volume);
    }

    /**
     * Starts a container in the background on the host's network, with the given environment and
     * {@code volume:path} mounts. A container of the same name left by an earlier run is removed first.
     */
    public Container start(String image, String name, Map<String, String> env, Map<String, String> volumes) {
        runQuietly("rm", "-f", name);
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "host"));
        args.addAll(LIMITS);
        env.forEach((key, value) -> args.addAll(List.of("-e", key + "=" + value)));
        volumes.forEach((volume, path) -> args.addAll(List.of("-v", volume + ":" + path)));
        args.add(image);
        engine(null, args.toArray(String[]::new));
        return new Container(this, name);
    }

    boolean hasImage(String image) {
        return runQuietly("image", "inspect", image) == 0;
    }

    /** Runs an engine command and returns its standard output; fails with the output if it exits non-zero. */
    String engine(Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(globalOptions);
        command.addAll(List.of(args));
        return run(command, log);
    }

    int runQuietly(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(globalOptions);
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private boolean answers() {
        return onPath(executable) && runQuietly("info") == 0;
    }

    private static String run(List<String> command, Path log) {
        Path output = log != null ? log : temporaryFile();
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT);
            }
            String text = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + tail(text));
            }
            return text.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (log == null) {
                deleteQuietly(output);
            }
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("rivulet-container", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", file, e);
        }
    }
}
