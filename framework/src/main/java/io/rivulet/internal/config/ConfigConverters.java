package io.rivulet.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.quarkus.runtime.configuration.DurationConverter;
import org.eclipse.microprofile.config.spi.Converter;

import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.sink.ProcessingGuarantee;

/**
 * The converters of {@link RivuletConfig}. Each one's message says what the key accepts; the configuration
 * wraps it in a message that names the key and the value. They are named on the mapping itself, so that a
 * Quarkus service and a plain {@code SmallRyeConfig} convert alike. A blank value converts to {@code null},
 * which MicroProfile Config reads as "not set".
 */
public final class ConfigConverters {

    private ConfigConverters() {}

    /** Topic names and the consumer group derive from it. */
    public static final class ApplicationId implements Converter<String> {
        private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]+");

        @Override
        public String convert(String value) {
            return convertOrExplain(
                    value,
                    "letters, digits, '.', '_' and '-' (it names topics and the group)",
                    id -> id,
                    id -> VALID.matcher(id).matches());
        }
    }

    public static final class FilePath implements Converter<Path> {
        @Override
        public Path convert(String value) {
            return convertOrExplain(value, "a directory path", Path::of, path -> true);
        }
    }

    public static final class Guarantee implements Converter<ProcessingGuarantee> {
        @Override
        public ProcessingGuarantee convert(String value) {
            return convertOrExplain(
                    value, "exactly_once, at_least_once or at_most_once", ProcessingGuarantee::parse, g -> true);
        }
    }

    public static final class Errors implements Converter<ErrorPolicy> {
        @Override
        public ErrorPolicy convert(String value) {
            return convertOrExplain(value, "fail, skip or dead-letter", ErrorPolicy::parse, policy -> true);
        }
    }

    /** The units Quarkus accepts ({@code 100ms}, {@code 1s}, {@code 5m}) and ISO-8601 ({@code PT0.1S}). */
    public static final class PositiveDuration implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return convertOrExplain(
                    value,
                    "a positive duration such as 100ms, 1s or PT0.1S",
                    DurationConverter::parseDuration,
                    duration -> duration != null && !duration.isNegative() && !duration.isZero());
        }
    }

    public static final class PositiveInt implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return convertOrExplain(value, "a whole number, at least 1", Integer::valueOf, number -> number >= 1);
        }
    }

    public static final class NonNegativeInt implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return convertOrExplain(value, "a whole number, at least 0", Integer::valueOf, number -> number >= 0);
        }
    }

    public static final class ReplicationFactor implements Converter<Short> {
        @Override
        public Short convert(String value) {
            return convertOrExplain(
                    value,
                    "a replica count, at least 1, or -1 for the broker's default.replication.factor",
                    Short::valueOf,
                    number -> number >= 1 || number == -1);
        }
    }

    public static final class NonNegativeLong implements Converter<Long> {
        @Override
        public Long convert(String value) {
            return convertOrExplain(value, "a whole number, at least 0", Long::valueOf, number -> number >= 0);
        }
    }

    /** An absolute http or https URL: other instances send requests to it. */
    public static final class Url implements Converter<String> {
        @Override
        public String convert(String value) {
            return convertOrExplain(
                    value,
                    "an absolute http:// or https:// URL such as http://orders-0.orders:8080",
                    url -> java.net.URI.create(url).toString(),
                    url -> {
                        java.net.URI uri = java.net.URI.create(url);
                        return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                                && uri.getHost() != null;
                    });
        }
    }

    private static <T> T convertOrExplain(
            String value, String accepted, Function<String, T> parse, Predicate<T> valid) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        T converted;
        try {
            converted = parse.apply(trimmed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected " + accepted, e);
        }
        if (!valid.test(converted)) {
            throw new IllegalArgumentException("expected " + accepted);
        }
        return converted;
    }
}
