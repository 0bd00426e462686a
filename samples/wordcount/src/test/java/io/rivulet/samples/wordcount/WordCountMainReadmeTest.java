package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's "Without Quarkus" example is this module's {@link WordCountMain}, which {@link WordCountMainIT} runs. */
class WordCountMainReadmeTest {

    private static final String CLASS_START = "public final class WordCountMain {";

    @Test
    void theReadmeShowsWordCountMainAsItIs() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        String source = Files.readString(Path.of("src/main/java/io/rivulet/samples/wordcount/WordCountMain.java"));
        int start = readme.indexOf("```java\n" + CLASS_START);
        assertThat(start).as("the README's WordCountMain block").isNotNegative();
        String shown = readme.substring(start + "```java\n".length(), readme.indexOf("```", start + 1));
        assertThat(shown).isEqualTo(source.substring(source.indexOf(CLASS_START)));
    }
}
