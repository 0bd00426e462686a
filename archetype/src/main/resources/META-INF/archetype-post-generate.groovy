// The archetype plugin writes files without their permissions: without this the wrapper only runs as `sh mvnw`.
def project = new File(request.outputDirectory, request.artifactId)
new File(project, 'mvnw').setExecutable(true, false)
