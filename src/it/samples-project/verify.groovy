// samples-project: generated with -DgroupId=org.acme.idp -DartifactId=quickstart -Dsamples=true. This script:
//   1. checks the layout: an aggregator at the root (server, api, web, console, mcp), run.sh executable, the server
//      module the single project's files, one git commit;
//   2. builds it once: the sample modules with their tests; the server module without its tests (they are the
//      default-project's suite, byte for byte the same sources, run there);
//   3. starts everything with the project's own ./run.sh --no-build on free ports (a user's own apps on 8080, 8081,
//      9000 or 8090 must not break this), waits for the web application, then drives the README's journey in headless
//      Chromium with the web module's SamplesJourneyTests (sign in as alice, consent, claims, the API's answer, sign
//      out, back-channel logout), runs the console client and checks what it prints;
//   4. stops run.sh with SIGTERM (run.sh traps it as it traps Ctrl+C's SIGINT, which a process started in the
//      background may have ignored from the start) and checks that every module stopped.
// Every failed check is listed at the end; the script fails if any did.

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.TimeUnit

Path project = basedir.toPath().resolve('quickstart')
String packagePath = 'org/acme/idp/quickstart'
List<String> failures = []
def check = { String what, boolean ok ->
    println "${ok ? 'ok  ' : 'FAIL'} ${what}"
    if (!ok) {
        failures << what
    }
}
def fail = { String what ->
    check(what, false)
    throw new AssertionError("samples-project: ${failures.size()} check(s) failed:\n  - " + failures.join('\n  - '))
}

// ---------------------------------------------------------------- 1. layout

List<String> modules = ['server', 'api', 'web', 'console', 'mcp']
String aggregator = project.resolve('pom.xml').toFile().getText('UTF-8')
check('the root pom is an aggregator of server, api, web, console and mcp',
    aggregator.contains('<packaging>pom</packaging>') && modules.every { aggregator.contains("<module>${it}</module>") })
check('the root pom has the project coordinates', aggregator.contains('<groupId>org.acme.idp</groupId>') &&
    aggregator.contains('<artifactId>quickstart-samples</artifactId>'))
['mvnw', 'run.sh', 'server/mvnw', 'server/fast-start.sh'].each { String rel ->
    check("${rel} is executable", Files.isExecutable(project.resolve(rel)))
}
['README.md', '.gitignore', '.mvn/wrapper/maven-wrapper.properties', 'server/README.md', 'server/Dockerfile',
 "server/src/main/java/${packagePath}/identity/ApplicationUser.java",
 "api/src/main/java/${packagePath}/samples/api", "web/src/main/java/${packagePath}/samples/web",
 "console/src/main/java/${packagePath}/samples/console", "mcp/src/main/java/${packagePath}/samples/mcp"].each { String rel ->
    check("expected ${rel}", Files.exists(project.resolve(rel)))
}
check('no samples/ or databases/ folder left', !Files.exists(project.resolve('samples')) &&
    !Files.exists(project.resolve('server/databases')))
check('no src/ at the root (the server is in server/)', !Files.exists(project.resolve('src')))
modules.findAll { it != 'server' }.each { String module ->
    String pom = project.resolve("${module}/pom.xml").toFile().getText('UTF-8')
    check("${module}/pom.xml is org.acme.idp:quickstart-${module}",
        pom.contains('<groupId>org.acme.idp</groupId>') && pom.contains("<artifactId>quickstart-${module}</artifactId>"))
}
String serverPom = project.resolve('server/pom.xml').toFile().getText('UTF-8')
check('server/pom.xml is org.acme.idp:quickstart', serverPom.contains('<artifactId>quickstart</artifactId>'))
List<String> wrongPackage = []
Files.walk(project).withCloseable { it.filter { it.toString().endsWith('.java') }.collect() }.each { Path file ->
    String text = file.toFile().getText('UTF-8')
    if (text.contains('com.example') || !text.contains('package org.acme.idp.quickstart')) {
        wrongPackage << project.relativize(file).toString()
    }
}
check("every Java source is in org.acme.idp ${wrongPackage ?: ''}", wrongPackage.isEmpty())
String readme = project.resolve('README.md').toFile().getText('UTF-8')
check('README.md is the quickstart, titled with the artifactId', readme.startsWith('# quickstart\n') && readme.contains('./run.sh'))

def run = { List<String> command, File log, long minutes ->
    Process process = new ProcessBuilder(command.collect { it.toString() }).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log).start()
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.toHandle().descendants().each { it.destroyForcibly() }
        process.destroyForcibly()
        return -1
    }
    return process.exitValue()
}
boolean hasGit = ['sh', '-c', 'command -v git'].execute().waitFor() == 0
if (hasGit) {
    File gitLog = new File(basedir, 'git.log')
    check('a git repository with its first commit', run(['git', 'rev-list', '--count', 'HEAD'], gitLog, 1) == 0 &&
        gitLog.text.trim() == '1')
}

// ---------------------------------------------------------------- 2. build

String mavenHome = System.getProperty('maven.home')
List<String> maven = ["${mavenHome}/bin/mvn", '-B', '-ntp', '-Dstyle.color=never']
if (binding.hasVariable('localRepositoryPath') && localRepositoryPath) {
    maven << "-Dmaven.repo.local=${localRepositoryPath}"
}
File buildLog = new File(basedir, 'samples-build.log')
int built = run(maven + ['-pl', 'server', 'package', '-DskipTests'], buildLog, 20)
if (built != 0) {
    println buildLog.readLines().takeRight(80).join('\n')
    fail("the server module builds (see ${buildLog})")
}
File testLog = new File(basedir, 'samples-test.log')
int tested = run(maven + ['-pl', 'api,web,console,mcp', 'verify'], testLog, 20)
println testLog.readLines().findAll { it.contains('Tests run:') && !it.contains(' -- in ') || it.contains('BUILD') }.join('\n')
if (tested != 0) {
    println testLog.readLines().takeRight(120).join('\n')
    fail("the api, web, console and mcp modules build with their tests (see ${testLog})")
}
check('the sample modules ran tests', (testLog.text =~ /Tests run: [1-9]\d*, Failures: 0, Errors: 0/) as boolean)

// ---------------------------------------------------------------- 3. run and drive

def freePort = { new ServerSocket(0).withCloseable { it.localPort } }
Map<String, Integer> ports = [AUTHFORGE_PORT: freePort(), API_PORT: freePort(), WEB_PORT: freePort(), MCP_PORT: freePort()]
File runLog = new File(basedir, 'run.log')
ProcessBuilder runBuilder = new ProcessBuilder('./run.sh', '--no-build').directory(project.toFile())
    .redirectErrorStream(true).redirectOutput(runLog)
ports.each { name, port -> runBuilder.environment().put(name, port as String) }
Process stack = runBuilder.start()
println "started ./run.sh --no-build (pid ${stack.pid()}) with ${ports}, output in ${runLog}"
String webUrl = "http://127.0.0.1:${ports.WEB_PORT}"
String serverUrl = "http://localhost:${ports.AUTHFORGE_PORT}"
HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
def answers = { String url ->
    try {
        http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() < 500
    } catch (IOException ignored) {
        false
    }
}
boolean stackOk = false
try {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240)
    while (System.nanoTime() < deadline && stack.alive &&
        !(runLog.text.contains(webUrl) && answers(webUrl + '/') && answers("http://127.0.0.1:${ports.API_PORT}/identity"))) {
        Thread.sleep(1000)
    }
    check("run.sh started server, api and web within 240 s${stack.alive ? '' : " (run.sh exited with ${stack.exitValue()})"}",
        stack.alive && answers(webUrl + '/') && answers(serverUrl + '/.well-known/openid-configuration'))
    List<String> output = runLog.readLines()
    ['[server]', '[api]', '[web]', '[mcp]'].each { String prefix ->
        check("run.sh prefixes the output of ${prefix}", output.any { it.startsWith(prefix) })
    }

    // the journey, in headless Chromium, by the web module's own test
    File journeyLog = new File(basedir, 'journey.log')
    int journey = run(maven + ['-pl', 'web', 'surefire:test', '-Dtest=SamplesJourneyTests',
        "-Dsamples.journey.web-url=${webUrl}", "-Dsamples.journey.server-url=${serverUrl}"], journeyLog, 10)
    String journeyText = journeyLog.text
    println journeyText.readLines().findAll { it.contains('Tests run:') || it.contains('BUILD') || it.contains('Skipped') }
        .join('\n')
    boolean chromium = new File('/usr/bin/chromium').canExecute() || System.getenv('CHROMIUM')
    check('the browser journey ran and passed (sign in, consent, claims, API, sign out, back-channel logout)',
        journey == 0 && (journeyText =~ /Tests run: [1-9]\d*, Failures: 0, Errors: 0, Skipped: 0/ || !chromium))
    if (journey != 0) {
        println journeyText.readLines().takeRight(80).join('\n')
    }

    // the console client: machine to machine
    File consoleLog = new File(basedir, 'console.log')
    File consoleJar = project.resolve('console/target').toFile().listFiles()?.find { it.name ==~ /quickstart-console-.*\.jar/ }
    String java = new File(System.getProperty('java.home'), 'bin/java').path
    int console = consoleJar == null ? -2 : run([java, '-jar', consoleJar.path, "--issuer=${serverUrl}",
        "--api-url=http://127.0.0.1:${ports.API_PORT}"], consoleLog, 2)
    String consoleText = consoleLog.isFile() ? consoleLog.text : ''
    println consoleText
    check('the console client got a token for m2m.client and printed the API\'s answer',
        console == 0 && consoleText.contains('m2m.client') && consoleText.contains('scope1'))
    stackOk = failures.isEmpty()
} finally {
    // SIGTERM to run.sh, which stops every module (its children, noted first: once run.sh has gone they are no
    // longer its descendants)
    List<ProcessHandle> children = stack.toHandle().descendants().toList()
    new ProcessBuilder('kill', '-TERM', stack.pid() as String).start().waitFor()
    boolean stopped = stack.waitFor(60, TimeUnit.SECONDS)
    Thread.sleep(2000)
    List<ProcessHandle> left = children.findAll { it.alive }
    left.each { it.destroyForcibly() }
    if (!stopped) {
        stack.destroyForcibly()
    }
    check("SIGTERM stopped run.sh and every module (${left.size()} process(es) left)", stopped && left.isEmpty())
    boolean portsFree = ports.values().every { int port ->
        try { new ServerSocket(port).close(); true } catch (IOException ignored) { false }
    }
    check('the ports are free again', portsFree)
    if (!stackOk) {
        println "---- last 150 lines of ${runLog} ----"
        runLog.readLines().takeRight(150).each { println it }
    }
}

if (!failures.isEmpty()) {
    throw new AssertionError("samples-project: ${failures.size()} check(s) failed:\n  - " + failures.join('\n  - '))
}
println 'samples-project: all checks passed'
return true
