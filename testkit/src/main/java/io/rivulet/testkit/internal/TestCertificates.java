package io.rivulet.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and a broker certificate it signed (for {@code localhost} and
 * {@code 127.0.0.1}), made with the JDK's {@code keytool} into PKCS12 stores: {@link #brokerKeyStore()} for the
 * broker, {@link #trustStore()} (the CA alone) for clients. Valid for a week.
 */
public final class TestCertificates {

    private static final String SUBJECT_ALTERNATIVE_NAMES = "SAN=dns:localhost,ip:127.0.0.1";

    private final Path dir;
    private final String password;

    private TestCertificates(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** Makes the stores in {@code dir}, every one protected by {@code password}. */
    public static TestCertificates create(Path dir, String password) {
        TestCertificates certificates = new TestCertificates(dir, password);
        certificates.make();
        return certificates;
    }

    public Path brokerKeyStore() {
        return dir.resolve("broker.p12");
    }

    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    public String password() {
        return password;
    }

    private void make() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path ca = dir.resolve("ca.p12");
        Path caCert = dir.resolve("ca.crt");
        Path request = dir.resolve("broker.csr");
        Path signed = dir.resolve("broker.crt");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-dname",
                "CN=Rivulet test CA",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "7",
                "-ext",
                "bc:c",
                "-keystore",
                ca.toString(),
                "-storetype",
                "PKCS12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caCert.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-dname",
                "CN=localhost",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "7",
                "-ext",
                SUBJECT_ALTERNATIVE_NAMES,
                "-keystore",
                brokerKeyStore().toString(),
                "-storetype",
                "PKCS12");
        keytool("-certreq", "-alias", "broker", "-keystore", brokerKeyStore().toString(), "-file", request.toString());
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-infile",
                request.toString(),
                "-outfile",
                signed.toString(),
                "-validity",
                "7",
                "-ext",
                SUBJECT_ALTERNATIVE_NAMES);
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caCert.toString(),
                "-keystore",
                brokerKeyStore().toString());
        keytool(
                "-importcert",
                "-alias",
                "broker",
                "-file",
                signed.toString(),
                "-keystore",
                brokerKeyStore().toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caCert.toString(),
                "-keystore",
                trustStore().toString(),
                "-storetype",
                "PKCS12");
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", password));
        if (args[0].equals("-genkeypair")) {
            command.addAll(List.of("-keypass", password));
        }
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
