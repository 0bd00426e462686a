package ${package};

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The service uses Rivulet's public API only: the framework's internal packages may change in any release,
 * so depending on them would break the service on an upgrade.
 */
class ArchitectureTest {

    @Test
    void usesOnlyTheRivuletApi() {
        // Read from the build output: with the Quarkus test extension present, a class-path scan finds none of them.
        JavaClasses service = new ClassFileImporter().importPath(Path.of("target", "classes"));
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.rivulet..internal..").check(service);
    }
}
