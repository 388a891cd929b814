// default-project: generated with -DgroupId=com.example -DartifactId=auth-server only, then
// built with `verify` (its whole test suite, once). This script then checks:
//   1. the files: expected files present, mvnw executable, no archetype files, no unreplaced
//      property or Velocity residue, every archetype-resources file generated, unfiltered
//      files byte for byte;
//   2. the server: `java -jar` on a free port, discovery document, a client_credentials token.
// Every failed check is listed at the end; the script fails if any did.
//
// Variables: basedir (from the invoker plugin), archetypeResources and archetypeMetadata
// (scriptVariables in the archetype's pom.xml).

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermission
import java.time.Duration
import java.util.concurrent.TimeUnit
import javax.xml.parsers.DocumentBuilderFactory

final String ARTIFACT_ID = 'auth-server'
final String PACKAGE_PATH = 'com/example/authserver'
final Map<String, String> PROPERTIES = [groupId: 'com.example', artifactId: ARTIFACT_ID,
                                        version: '0.1.0-SNAPSHOT', package: 'com.example.authserver',
                                        gitignore: '.gitignore', database: 'h2']

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
['pom.xml', 'mvnw', 'mvnw.cmd', 'README.md', '.gitignore', '.gitattributes', '.editorconfig', 'Dockerfile',
 '.mvn/wrapper/maven-wrapper.properties',
 'src/main/resources/application.yml',
 "src/main/java/${PACKAGE_PATH}/AuthServerApplication.java",
 "src/main/java/${PACKAGE_PATH}/identity/ApplicationUser.java",
 'src/main/resources/db/migration/h2/identity',
 'src/main/resources/templates/login.html'].each { String rel ->
    check("expected ${rel}", Files.exists(project.resolve(rel)))
}

Path mvnw = project.resolve('mvnw')
check('mvnw is executable', Files.isExecutable(mvnw) &&
    Files.getPosixFilePermissions(mvnw).containsAll([PosixFilePermission.OWNER_EXECUTE,
                                                     PosixFilePermission.GROUP_EXECUTE,
                                                     PosixFilePermission.OTHERS_EXECUTE]))

List<Path> generated = Files.walk(project).withCloseable { stream ->
    stream.filter { Path p -> Files.isRegularFile(p) && !project.relativize(p).toString().startsWith('target/') }
          .collect()
}
List<String> generatedNames = generated.collect { project.relativize(it).toString() }
['archetype-metadata.xml', 'archetype-post-generate.groovy', '__gitignore__'].each { String name ->
    List<String> found = generatedNames.findAll { it == name || it.endsWith('/' + name) }
    check("no ${name} in the project ${found ?: ''}", found.isEmpty())
}

// Ant-style pattern of a fileSet include (*, **, ?).
def antMatch = { String pattern, String path ->
    StringBuilder regex = new StringBuilder()
    for (int i = 0; i < pattern.length(); i++) {
        if (pattern.startsWith('**/', i)) { regex.append('(?:.*/)?'); i += 2 }
        else if (pattern.startsWith('**', i)) { regex.append('.*'); i += 1 }
        else if (pattern.charAt(i) == '*' as char) { regex.append('[^/]*') }
        else if (pattern.charAt(i) == '?' as char) { regex.append('[^/]') }
        else { regex.append(java.util.regex.Pattern.quote(pattern.substring(i, i + 1))) }
    }
    path.matches(regex.toString())
}

// The fileSets of archetype-metadata.xml.
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(archetypeMetadata as String))
List<Map> fileSets = []
def fileSetNodes = doc.getElementsByTagName('fileSet')
for (int i = 0; i < fileSetNodes.length; i++) {
    def node = fileSetNodes.item(i)
    def texts = { String tag ->
        def found = node.getElementsByTagName(tag)
        (0..<found.length).collect { found.item(it).textContent.trim() }
    }
    fileSets << [directory: texts('directory') ? texts('directory')[0] : '',
                 filtered: node.getAttribute('filtered') == 'true',
                 packaged: node.getAttribute('packaged') == 'true',
                 includes: texts('include'), excludes: texts('exclude')]
}

// Every file under archetype-resources must reach the project (a file that no fileSet
// includes is silently dropped by the archetype plugin); unfiltered ones byte for byte.
Path resources = new File(archetypeResources as String).toPath()
Set<String> filteredOutputs = ['pom.xml'] as Set
List<String> dropped = []
// what the post-generate script removes from an h2 project: the other vendors' files
List<String> otherDatabases = ['src/main/resources/db/migration/postgresql/', 'src/main/resources/db/migration/mysql/',
                               'src/test/java/support/EmbeddedPostgresServer.java',
                               'src/test/java/system/DatabaseOutageTests.java',
                               'src/main/java/account/ratelimit/PostgresqlBucketTable.java',
                               'src/main/java/account/ratelimit/MysqlBucketTable.java']
List<String> notRemoved = []
List<String> missing = []
List<String> altered = []
List<String> mangled = []
Files.walk(resources).withCloseable { it.filter { Files.isRegularFile(it) }.collect() }.each { Path source ->
    String rel = resources.relativize(source).toString().replace('\\', '/')
    String out
    boolean filtered
    if (rel == 'pom.xml') {
        out = rel
        filtered = true
    } else {
        Map fs = fileSets.find { Map fs ->
            String prefix = fs.directory ? fs.directory + '/' : ''
            rel.startsWith(prefix) &&
                fs.includes.any { antMatch(it, rel.substring(prefix.length())) } &&
                !fs.excludes.any { antMatch(it, rel.substring(prefix.length())) }
        }
        if (fs == null) {
            dropped << rel
            return
        }
        String prefix = fs.directory ? fs.directory + '/' : ''
        out = fs.packaged ? prefix + PACKAGE_PATH + '/' + rel.substring(prefix.length()) : rel
        filtered = fs.filtered
    }
    PROPERTIES.each { key, value -> out = out.replace("__${key}__", value) }
    Path target = project.resolve(out)
    if (otherDatabases.any { rel.startsWith(it) }) {
        if (Files.exists(target)) {
            notRemoved << out
        }
    } else if (!Files.isRegularFile(target)) {
        missing << "${rel} -> ${out}"
    } else if (filtered) {
        filteredOutputs << out
        // Java sources and configuration use no Velocity at all: once the properties are put in,
        // the output must equal the template (Velocity silently eats "##", "#\\" and directives).
        String template = source.toFile().getText('UTF-8')
        boolean usesVelocity = template =~ /(?m)^#(if|elseif|else|end|set)\b/
        if ((rel.endsWith('.java') || rel.endsWith('.yml')) && !usesVelocity) {
            String expected = template
            PROPERTIES.each { key, value -> expected = expected.replace('${' + key + '}', value) }
            if (expected != target.toFile().getText('UTF-8')) {
                mangled << out
            }
        }
    } else if (!Arrays.equals(Files.readAllBytes(source), Files.readAllBytes(target))) {
        altered << out
    }
}
check("every archetype-resources file is in a fileSet of archetype-metadata.xml ${dropped ?: ''}", dropped.isEmpty())
check("every archetype-resources file was generated ${missing ?: ''}", missing.isEmpty())
check("the other databases' files were removed ${notRemoved ?: ''}", notRemoved.isEmpty())
String pomText = project.resolve('pom.xml').toFile().getText('UTF-8')
check('the pom carries H2 and no other database', pomText.contains('<artifactId>h2</artifactId>') &&
    !pomText.contains('postgres') && !pomText.contains('mysql'))
check("unfiltered files are copied byte for byte ${altered ?: ''}", altered.isEmpty())
check("filtered Java and YAML files differ from their templates only by the properties ${mangled ?: ''}",
    mangled.isEmpty())

// Filtered files: no property left unreplaced. (Unfiltered files such as Thymeleaf
// templates may contain ${version} legitimately; they were compared byte for byte above.)
// All text files: no Velocity directive or literal-trick residue.
def unreplaced = ~/\$\{(groupId|artifactId|version|package|packageInPathFormat|gitignore)\}/
def velocity = ~/#(set|if|elseif|foreach|macro|parse|define|evaluate)\s*\(|#(end|else)\b|#\[\[|\]\]#|\$\{[dh]\}|\$[dh]\{/
List<String> leftovers = []
generated.each { Path file ->
    byte[] bytes = Files.readAllBytes(file)
    if (bytes.any { it == 0 as byte }) {
        return // binary
    }
    String rel = project.relativize(file).toString()
    String text = new String(bytes, 'UTF-8')
    text.eachLine { String line, int number ->
        if ((rel in filteredOutputs && line =~ unreplaced) || line =~ velocity) {
            leftovers << "${rel}:${number + 1}: ${line.trim()}"
        }
    }
}
check("no unreplaced property or Velocity residue ${leftovers ? '\n    ' + leftovers.join('\n    ') : ''}", leftovers.isEmpty())

String readme = project.resolve('README.md').toFile().getText('UTF-8')
check('README.md keeps its ## headings and loses the Velocity comment',
    readme =~ /(?m)^## / && !readme.contains('#*') && !readme.startsWith('\n'))

// ---------------------------------------------------------------- 2. the server

Path jar = project.resolve("target/${ARTIFACT_ID}-0.1.0-SNAPSHOT.jar")
check("jar target/${jar.fileName} built", Files.isRegularFile(jar))

int port = new ServerSocket(0).withCloseable { it.localPort }
File serverLog = new File(basedir, 'server.log')
String java = new File(System.getProperty('java.home'), 'bin/java').path
Process server = null
int failuresBefore = failures.size()
boolean serverOk = false
String discovery = null
try {
    if (Files.isRegularFile(jar)) {
        server = new ProcessBuilder(java, '-jar', jar.toString(), "--server.port=${port}".toString())
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(serverLog)
            .start()
        println "started ${jar.fileName} on port ${port} (pid ${server.pid()}), output in ${serverLog}"

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
        URI discoveryUri = URI.create("http://127.0.0.1:${port}/.well-known/openid-configuration")
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
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
        check("discovery document answered 200 within 120 s " +
              (discovery != null ? "(${(System.nanoTime() - started).intdiv(1_000_000)} ms)"
                                 : (!server.alive ? "(the server exited with ${server.exitValue()})"
                                    : System.nanoTime() < deadline ? '(no such endpoint)' : '(timed out)')),
              discovery != null)

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
