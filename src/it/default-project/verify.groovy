// default-project: generated with -DgroupId=com.example -DartifactId=auth-server only, then
// built with `verify` (its whole test suite, once). This script then checks:
//   1. the files: expected files present, mvnw and fast-start.sh executable, no archetype files, the project
//      identical to the server project auth-server/ of the repository (on H2), no Velocity residue;
//   2. the server, started by the fast start (./fast-start.sh: the jar extracted, a training run writes the
//      class-data sharing archive, the start maps it; FAST_START_REQUIRE_ARCHIVE=1 makes an archive it cannot map
//      fatal) on a free port: discovery document, a client_credentials token.
// Every failed check is listed at the end; the script fails if any did.
//
// Variables: basedir (from the invoker plugin), serverProject (scriptVariables in the archetype's pom.xml).

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermission
import java.time.Duration
import java.util.concurrent.TimeUnit

final String ARTIFACT_ID = 'auth-server'
final String PACKAGE_PATH = 'com/example/authserver'

Path project = basedir.toPath().resolve(ARTIFACT_ID)
List<String> failures = []
def check = { String what, boolean ok ->
    println "${ok ? 'ok  ' : 'FAIL'} ${what}"
    if (!ok) {
        failures << what
    }
}

// ---------------------------------------------------------------- 1. files

// Files (or folders) the real server must have.
['pom.xml', 'mvnw', 'mvnw.cmd', 'fast-start.sh', 'README.md', '.gitignore', '.gitattributes', '.editorconfig', 'Dockerfile',
 '.mvn/wrapper/maven-wrapper.properties',
 'src/main/resources/application.yml',
 "src/main/java/${PACKAGE_PATH}/AuthServerApplication.java",
 "src/main/java/${PACKAGE_PATH}/identity/ApplicationUser.java",
 'src/main/resources/db/migration/h2/identity',
 'src/main/resources/templates/login.html'].each { String rel ->
    check("expected ${rel}", Files.exists(project.resolve(rel)))
}

['mvnw', 'fast-start.sh'].each { String rel ->
    Path script = project.resolve(rel)
    check("${rel} is executable", Files.isExecutable(script) &&
        Files.getPosixFilePermissions(script).containsAll([PosixFilePermission.OWNER_EXECUTE,
                                                           PosixFilePermission.GROUP_EXECUTE,
                                                           PosixFilePermission.OTHERS_EXECUTE]))
}

List<Path> generated = Files.walk(project).withCloseable { stream ->
    stream.filter { Path p -> Files.isRegularFile(p) && !project.relativize(p).toString().startsWith('target/')
        && !project.relativize(p).toString().startsWith('.git/') }
          .collect()
}
List<String> generatedNames = generated.collect { project.relativize(it).toString().replace('\\', '/') }
['archetype-metadata.xml', 'archetype-post-generate.groovy', '__gitignore__'].each { String name ->
    List<String> found = generatedNames.findAll { it == name || it.endsWith('/' + name) }
    check("no ${name} in the project ${found ?: ''}", found.isEmpty())
}
check('no databases/ folder in the project', !Files.exists(project.resolve('databases')))

// The generated default project is the server project of the repository (auth-server/), with databases/h2/
// laid over it and the other databases' folders left out: every file identical, nothing added, nothing lost.
// Only pom.xml differs: the H2 profile merged into it, the other databases' profiles gone.
Path serverDir = new File(serverProject as String).toPath()
List<String> localOnly = ['target/', 'data/', '.idea/', '.vscode/', '.settings/', 'nbproject/']
Map<String, Path> expected = [:]
Files.walk(serverDir).withCloseable { it.filter { Files.isRegularFile(it) }.collect() }.each { Path source ->
    String rel = serverDir.relativize(source).toString().replace('\\', '/')
    if (localOnly.any { rel.startsWith(it) } || rel.endsWith('.iml') || rel.endsWith('.log') || rel == 'pom.xml') {
        return
    }
    if (rel.startsWith('databases/')) {
        if (rel.startsWith('databases/h2/') && rel != 'databases/h2/pom.xml') {
            expected[rel.substring('databases/h2/'.length())] = source
        }
        return
    }
    expected[rel] = source
}
List<String> differing = expected.findAll { rel, source ->
    Path target = project.resolve(rel)
    !Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(source), Files.readAllBytes(target))
}.collect { it.key }
List<String> extra = generatedNames.findAll { !expected.containsKey(it) && it != 'pom.xml' && !it.startsWith('data/') }
check("every file of auth-server/ (and databases/h2/) is generated, byte for byte ${differing ?: ''}", differing.isEmpty())
check("the project has no file that auth-server/ lacks ${extra ?: ''}", extra.isEmpty())

// pom.xml: made from auth-server/pom.xml by merging the H2 profile: no line that the repository pom lacks, and no
// line more often than there (indentation aside)
List<String> pomLines = project.resolve('pom.xml').toFile().readLines('UTF-8')*.trim()
Map<String, Integer> available = serverDir.resolve('pom.xml').toFile().readLines('UTF-8')*.trim().countBy { it }
List<String> invented = pomLines.findAll { String line ->
    available[line] = (available[line] ?: 0) - 1
    available[line] < 0
}
check("every line of pom.xml comes from auth-server/pom.xml ${invented ?: ''}", invented.isEmpty())
String pomText = project.resolve('pom.xml').toFile().getText('UTF-8')
// every project reads the four source databases of an ASP.NET Identity import (imports/aspnet): their drivers only
check('the pom carries H2 and no other database, no database profile', pomText.contains('<artifactId>h2</artifactId>') &&
    !pomText.contains('flyway-database-postgresql') && !pomText.contains('embedded-postgres') &&
    !pomText.contains('flyway-mysql') && !pomText.contains('bucket4j_jdk17-postgresql') && !pomText.contains('bucket4j_jdk17-mysql') &&
    // the tool profiles stay (new-migration); the database profiles go
    !['databases', 'h2', 'postgresql', 'mysql'].any { pomText.contains("<id>${it}</id>") } &&
    !pomText.contains('build-helper'))
check('the pom carries the drivers an import reads with', ['sqlite-jdbc', 'mssql-jdbc', '<artifactId>postgresql</artifactId>',
    'mysql-connector-j'].every { pomText.contains(it) })

// No Velocity directive or literal-trick residue in any text file.
def velocity = ~/#(set|if|elseif|foreach|macro|parse|define|evaluate)\s*\(|#(end|else)\b|#\[\[|\]\]#|\$\{[dh]\}|\$[dh]\{/
List<String> leftovers = []
generated.each { Path file ->
    byte[] bytes = Files.readAllBytes(file)
    if (bytes.any { it == 0 as byte }) {
        return // binary
    }
    String rel = project.relativize(file).toString()
    new String(bytes, 'UTF-8').eachLine { String line, int number ->
        if (line =~ velocity) {
            leftovers << "${rel}:${number + 1}: ${line.trim()}"
        }
    }
}
check("no Velocity residue ${leftovers ? '\n    ' + leftovers.join('\n    ') : ''}", leftovers.isEmpty())

// A git repository with one commit holding every generated file; the build's output and the H2 file are ignored.
def gitOutput = { List<String> arguments ->
    Process process = new ProcessBuilder(['git'] + arguments).directory(project.toFile()).redirectErrorStream(true).start()
    String text = process.inputStream.text
    process.waitFor() == 0 ? text.trim() : "git failed: ${text.trim()}"
}
boolean hasGit = ['sh', '-c', 'command -v git'].execute().waitFor() == 0
if (hasGit) {
    check("a git repository with one commit (${gitOutput(['rev-list', '--count', 'HEAD'])})",
        gitOutput(['rev-list', '--count', 'HEAD']) == '1')
    String status = gitOutput(['status', '--porcelain'])
    check("after the build, git status shows nothing to commit (target/ and data/ ignored) ${status}", status.isEmpty())
    Set<String> committed = gitOutput(['ls-files']).readLines() as Set
    List<String> uncommitted = generatedNames.findAll { !committed.contains(it) && !it.startsWith('data/') }
    check("the first commit holds every generated file ${uncommitted ?: ''}", uncommitted.isEmpty())
} else {
    println 'git is not installed: the generated project is no git repository (checked only with git)'
}

String readme = project.resolve('README.md').toFile().getText('UTF-8')
check('README.md keeps its ## headings and loses the Velocity comment',
    readme =~ /(?m)^## / && !readme.contains('#*') && !readme.startsWith('\n'))

// ---------------------------------------------------------------- 2. the server

Path jar = project.resolve("target/${ARTIFACT_ID}-0.1.0-SNAPSHOT.jar")
check("jar target/${jar.fileName} built", Files.isRegularFile(jar))

int port = new ServerSocket(0).withCloseable { it.localPort }
File serverLog = new File(basedir, 'server.log')
Process server = null
int failuresBefore = failures.size()
boolean serverOk = false
String discovery = null
try {
    if (Files.isRegularFile(jar)) {
        ProcessBuilder fastStart = new ProcessBuilder('./fast-start.sh', "--server.port=${port}".toString())
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(serverLog)
        fastStart.environment().put('JAVA_HOME', System.getProperty('java.home'))
        // the start must map the archive (-Xshare:on, or -XX:AOTMode=on on Java 25), or fail
        fastStart.environment().put('FAST_START_REQUIRE_ARCHIVE', '1')
        server = fastStart.start()
        println "started ./fast-start.sh on port ${port} (pid ${server.pid()}), output in ${serverLog}"

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
        URI discoveryUri = URI.create("http://127.0.0.1:${port}/.well-known/openid-configuration")
        // the training run first, then the start
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240)
        long started = System.nanoTime()
        while (discovery == null && System.nanoTime() < deadline && server.alive) {
            try {
                def response = http.send(HttpRequest.newBuilder(discoveryUri).timeout(Duration.ofSeconds(5)).GET().build(),
                                         HttpResponse.BodyHandlers.ofString())
                if (response.statusCode() == 200) {
                    discovery = response.body()
                } else if (response.statusCode() >= 400 && response.statusCode() < 500) {
                    // the server is up (Tomcat answers only once the context has started)
                    // and has no discovery endpoint: waiting longer will not help
                    println "discovery document: HTTP ${response.statusCode()}"
                    break
                } else {
                    Thread.sleep(500)
                }
            } catch (IOException notYet) {
                Thread.sleep(500)
            }
        }
        check("discovery document answered 200 within 240 s " +
              (discovery != null ? "(${(System.nanoTime() - started).intdiv(1_000_000)} ms)"
                                 : (!server.alive ? "(the server exited with ${server.exitValue()})"
                                    : System.nanoTime() < deadline ? '(no such endpoint)' : '(timed out)')),
              discovery != null)

        String fastStartLog = serverLog.getText('UTF-8')
        check('fast-start.sh trained once and started with the archive',
            fastStartLog.contains('==> training run') && fastStartLog.contains('==> starting with target/fast-start/application-')
            && !fastStartLog.contains('==> building'))
        if (discovery != null) {
            def field = { String name -> (discovery =~ /"${name}"\s*:\s*"([^"]+)"/).with { it.find() ? it.group(1) : null } }
            String issuer = field('issuer')
            String tokenEndpoint = field('token_endpoint')
            check("discovery has an issuer (${issuer})", issuer != null)
            check("discovery has a token_endpoint (${tokenEndpoint})", tokenEndpoint != null)

            if (tokenEndpoint != null) {
                String basic = Base64.encoder.encodeToString(
                    'm2m.client:511536EF-F270-4058-80CA-1C89C192F69A'.getBytes('UTF-8'))
                def tokenResponse = http.send(
                    HttpRequest.newBuilder(URI.create(tokenEndpoint))
                        .timeout(Duration.ofSeconds(30))
                        .header('Authorization', "Basic ${basic}")
                        .header('Content-Type', 'application/x-www-form-urlencoded')
                        .POST(HttpRequest.BodyPublishers.ofString('grant_type=client_credentials&scope=scope1'))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                boolean tokenOk = tokenResponse.statusCode() == 200 && tokenResponse.body() =~ /"access_token"\s*:\s*"[^"]+"/
                check("client_credentials token for m2m.client (HTTP ${tokenResponse.statusCode()})", tokenOk as boolean)
                if (!tokenOk) {
                    println "token response: ${tokenResponse.body()}"
                }
            }
        }
        serverOk = failures.size() == failuresBefore
    }
} finally {
    if (server != null) {
        server.toHandle().descendants().each { it.destroy() }
        server.destroy()
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.toHandle().descendants().each { it.destroyForcibly() }
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS)
        }
        println "stopped the server"
        if (!serverOk && serverLog.isFile()) {
            List<String> lines = serverLog.readLines('UTF-8')
            println "---- last ${Math.min(200, lines.size())} lines of ${serverLog} ----"
            lines.takeRight(200).each { println it }
            println '---- end of server output ----'
        }
    }
}

if (!failures.isEmpty()) {
    throw new AssertionError("default-project: ${failures.size()} check(s) failed:\n  - " + failures.join('\n  - '))
}
println 'default-project: all checks passed'
return true
