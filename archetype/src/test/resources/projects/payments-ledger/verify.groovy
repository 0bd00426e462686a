// A second project whose artifactId, groupId and package share nothing with the first: every name that
// follows them must be this project's, not the ones the archetype's own examples were written with.
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermission

// The archetype plugin binds the generated project's directory in the context map, not as a variable.
def projectDir = context.projectDir
def fail = { String message -> throw new AssertionError(message) }
def text = { String path -> new File(projectDir, path).getText('UTF-8') }

def generated = []
projectDir.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def path = projectDir.toPath().relativize(file.toPath()).toString()
    if (!path.startsWith('target/') && path != 'build.log') {
        generated << path
    }
}

def sources = generated.findAll { it.endsWith('.java') }
if (sources.isEmpty() || !sources.every { it.startsWith('src/main/java/org/acme/ledger/core/') || it.startsWith('src/test/java/org/acme/ledger/core/') }) {
    fail("sources outside org/acme/ledger/core: ${sources}")
}
sources.each { path ->
    if (!text(path).startsWith('package org.acme.ledger.core;')) {
        fail("${path} is not in package org.acme.ledger.core")
    }
}

generated.each { path ->
    def content = text(path)
    ['com.example', 'com/example', 'rivulet-service'].each { stale ->
        if (content.contains(stale)) {
            fail("${path} still holds '${stale}'")
        }
    }
    // The job's topics are part of the example's domain and keep their names; nothing else may say order-totals.
    def withoutTopics = content.replace('order-totals-per-minute', '').replace('`order-totals`', '')
            .replace('{@code order-totals}', '').replace('"order-totals"', '')
    if (withoutTopics.contains('order-totals')) {
        fail("${path} names order-totals where the artifactId belongs")
    }
}

if (!text('pom.xml').contains('<groupId>org.acme</groupId>')) {
    fail('pom.xml does not carry groupId org.acme')
}
if (!(text('src/main/resources/application.properties') =~ /(?m)^rivulet\.application-id=payments-ledger$/)) {
    fail('application.properties does not set rivulet.application-id=payments-ledger')
}
new File(projectDir, 'deploy/kubernetes').eachFileMatch(~/.*\.yaml/) { manifest ->
    def names = (manifest.getText('UTF-8') =~ /(?m)^\s*(?:name|app|serviceName|image):\s*(\S+)\s*$/).collect { it[1] }
            .findAll { !(it in ['http', 'cpu', 'service', 'state']) }
    if (names.isEmpty() || !names.every { it == 'payments-ledger' || it == 'payments-ledger:latest' }) {
        fail("${manifest.name} names ${names}")
    }
}
if (!text('README.md').contains('-t payments-ledger .')) {
    fail('the README does not build the payments-ledger image')
}
if (!Files.getPosixFilePermissions(new File(projectDir, 'mvnw').toPath()).contains(PosixFilePermission.OWNER_EXECUTE)) {
    fail('mvnw is not executable')
}
if (!new File(projectDir, 'target/first.log').getText('UTF-8').contains('Application payments-ledger stopped')) {
    fail('the service did not run as payments-ledger')
}
