// Runs once, after the archetype plugin has written the project.
//
// 1. Validates the properties again: the validationRegex entries of archetype-metadata.xml
//    only apply in interactive mode, batch mode (-B) skips them. On a bad value it removes what
//    this run wrote and fails with one message naming the property, the value and the rule.
// 2. Lays databases/<database>/ (that database's pom, classes, migrations and database.yml) over
//    the project and removes databases/ with the other databases' files.
// 3. With samples=true, moves the server into server/ and makes samples/ (the quickstart's API, web, console and
//    MCP applications, their aggregator pom, README and run.sh) the project's root; otherwise removes samples/.
// 4. Gives mvnw, fast-start.sh (and run.sh) back their execute bit (the archetype plugin writes every file without it).
// 5. Makes the project a git repository with a first commit, when git is available (quietly skipped otherwise).

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.PosixFileAttributeView
import java.nio.file.attribute.PosixFilePermission
import java.util.jar.JarFile
import javax.xml.parsers.DocumentBuilderFactory

import groovy.transform.Field

@Field static final Set<String> JAVA_KEYWORDS = [
    'abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const',
    'continue', 'default', 'do', 'double', 'else', 'enum', 'extends', 'final', 'finally', 'float',
    'for', 'goto', 'if', 'implements', 'import', 'instanceof', 'int', 'interface', 'long', 'native',
    'new', 'package', 'private', 'protected', 'public', 'return', 'short', 'static', 'strictfp',
    'super', 'switch', 'synchronized', 'this', 'throw', 'throws', 'transient', 'try', 'void',
    'volatile', 'while', 'true', 'false', 'null', '_'
] as Set

@Field static final String RESOURCES = 'archetype-resources/'

@Field static final List<String> DATABASES = ['h2', 'postgresql', 'mysql']

/** The first invalid property, as the message to show, or null when all are valid. */
static String firstProblem(String groupId, String artifactId, String version, String pkg, String database,
                           String samples) {
    if (!isJavaName(groupId)) {
        return "Invalid groupId '${groupId}': each dot-separated part must be a Java identifier " +
            '(letter, _ or $ first, then letters, digits, _ or $), not a Java keyword.'
    }
    if (artifactId == null || !artifactId.matches('[A-Za-z0-9_][A-Za-z0-9_.-]*')) {
        return "Invalid artifactId '${artifactId}': use only letters, digits, '.', '_' and '-' " +
            "(no spaces), starting with a letter, digit or '_'."
    }
    if (version == null || version.isEmpty() || version =~ /\s/) {
        return "Invalid version '${version}': it must be non-empty and contain no whitespace."
    }
    if (!isJavaName(pkg)) {
        return "Invalid package '${pkg}': each dot-separated part must be a Java identifier " +
            '(letter, _ or $ first, then letters, digits, _ or $), not a Java keyword.'
    }
    if (!DATABASES.contains(database)) {
        return "Invalid database '${database}': use h2 (embedded, the default), postgresql or mysql " +
            '(MySQL 8 or MariaDB 10.6+).'
    }
    if (!(samples in ['true', 'false'])) {
        return "Invalid samples '${samples}': use false (the server alone, the default) or true (the server with " +
            'an API, a web application, a console client and an MCP server that use it, started by run.sh).'
    }
    return null
}

/** The import lines of a Java source sorted as palantir-java-format does; anything else unchanged. */
static String sortImports(String text) {
    List<String> lines = text.split('\n', -1) as List
    int first = lines.findIndexOf { it.startsWith('import ') }
    if (first < 0) {
        return text
    }
    int last = lines.findLastIndexOf { it.startsWith('import ') }
    List<String> block = lines.subList(first, last + 1)
    if (block.any { it.trim() && !it.startsWith('import ') }) {
        return text
    }
    def name = { String line -> line.replaceFirst('^import (static )?', '').replaceFirst(';\\s*$', '') }
    List<String> statics = block.findAll { it.startsWith('import static ') }.sort { a, b -> name(a) <=> name(b) }
    List<String> others = block.findAll { it.startsWith('import ') && !it.startsWith('import static ') }
            .sort { a, b -> name(a) <=> name(b) }
    List<String> result = statics + (statics && others ? [''] : []) + others
    return (lines.subList(0, first) + result + lines.subList(last + 1, lines.size())).join('\n')
}

/** Deletes a file, or a folder with everything in it, if it exists. */
static void deleteTree(Path path) {
    if (Files.exists(path)) {
        Files.walk(path).withCloseable { it.sorted(Comparator.reverseOrder()).collect() }.each { Files.delete(it) }
    }
}

static boolean isJavaName(String value) {
    return value != null && !value.isEmpty() && value.split('\\.', -1).every { String part ->
        part.matches('[A-Za-z_$][A-Za-z0-9_$]*') && !JAVA_KEYWORDS.contains(part)
    }
}

/** Ant-style path pattern (*, ** and ?) as used by the fileSets of archetype-metadata.xml. */
static boolean antMatch(String pattern, String path) {
    StringBuilder regex = new StringBuilder()
    for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i)
        if (pattern.startsWith('**/', i)) {
            regex.append('(?:.*/)?'); i += 2
        } else if (pattern.startsWith('**', i)) {
            regex.append('.*'); i += 1
        } else if (c == '*' as char) {
            regex.append('[^/]*')
        } else if (c == '?' as char) {
            regex.append('[^/]')
        } else {
            regex.append(java.util.regex.Pattern.quote(String.valueOf(c)))
        }
    }
    return path.matches(regex.toString())
}

/**
 * The paths (relative to the project folder) that this archetype writes: the files of
 * archetype-resources/ selected by a fileSet, moved under the package folders where the
 * fileSet is packaged, with __property__ tokens in their names replaced. Null if the
 * archetype jar cannot be read.
 */
static List<String> generatedPaths(Properties props, String packagePath) {
    URL metadataUrl = Thread.currentThread().contextClassLoader?.getResource('META-INF/maven/archetype-metadata.xml')
    if (metadataUrl == null || metadataUrl.protocol != 'jar') {
        return null
    }
    JarFile jar = ((JarURLConnection) metadataUrl.openConnection()).jarFile
    def factory = DocumentBuilderFactory.newInstance()
    factory.namespaceAware = false
    def doc = metadataUrl.openStream().withCloseable { factory.newDocumentBuilder().parse(it) }

    List<Map> fileSets = []
    def nodes = doc.getElementsByTagName('fileSet')
    for (int i = 0; i < nodes.length; i++) {
        def node = nodes.item(i)
        def text = { String tag ->
            def found = node.getElementsByTagName(tag)
            (0..<found.length).collect { found.item(it).textContent.trim() }
        }
        String dir = text('directory') ? text('directory')[0] : ''
        fileSets << [directory: dir, packaged: node.getAttribute('packaged') == 'true',
                     includes: text('include'), excludes: text('exclude')]
    }

    // the plugin creates each fileSet's folder (with the package folders, if packaged), even when no file of the
    // jar falls in it
    List<String> paths = fileSets.findAll { it.directory }.collect {
        it.packaged && packagePath ? "${it.directory}/${packagePath}".toString() : it.directory as String
    }
    jar.entries().each { entry ->
        if (!entry.name.startsWith(RESOURCES) || entry.name == RESOURCES) {
            return
        }
        String rel = entry.name.substring(RESOURCES.length())
        if (entry.directory) {
            paths << rel.replaceAll('/$', '')
            return
        }
        String out = null
        if (rel == 'pom.xml') {
            out = rel
        } else {
            Map fs = fileSets.find { Map fs ->
                String prefix = fs.directory ? fs.directory + '/' : ''
                if (!rel.startsWith(prefix)) {
                    return false
                }
                String inner = rel.substring(prefix.length())
                fs.includes.any { antMatch(it, inner) } && !fs.excludes.any { antMatch(it, inner) }
            }
            if (fs != null) {
                String prefix = fs.directory ? fs.directory + '/' : ''
                out = fs.packaged ? prefix + packagePath + '/' + rel.substring(prefix.length()) : rel
            }
        }
        if (out != null) {
            props.stringPropertyNames().each { String key -> out = out.replace("__${key}__", props.getProperty(key)) }
            paths << out
        }
    }
    return paths
}

/**
 * Removes what this run wrote. The project folder may have existed before (the archetype
 * plugin only refuses folders that hold a pom.xml), so only the files the archetype writes
 * are deleted, then the folders they leave empty, the project folder included.
 */
static void removeGenerated(Path outputDir, String artifactId, Properties props, String pkg) {
    if (artifactId == null || artifactId.isEmpty()) {
        return
    }
    Path projectDir
    try {
        projectDir = outputDir.resolve(artifactId).normalize()
    } catch (Exception ignored) {
        return
    }
    if (!Files.isDirectory(projectDir)) {
        return
    }
    String packagePath = (pkg ?: '').replace('.', '/')
    List<String> paths = generatedPaths(props, packagePath)
    if (paths == null) {
        return
    }
    Set<Path> folders = new TreeSet<Path>({ Path a, Path b -> b.nameCount <=> a.nameCount ?: b <=> a } as Comparator)
    paths.each { String rel ->
        Path target = projectDir.resolve(rel).normalize()
        if (!target.startsWith(projectDir)) {
            return
        }
        if (Files.isRegularFile(target)) {
            Files.delete(target)
        }
        for (Path p = Files.isDirectory(target) ? target : target.parent; p != null && p.startsWith(projectDir); p = p.parent) {
            folders << p
        }
    }
    folders.each { Path folder ->
        if (Files.isDirectory(folder) && !folder.equals(outputDir) && Files.list(folder).withCloseable { !it.findAny().present }) {
            Files.delete(folder)
        }
    }
}

Properties props = request.properties
String groupId = request.groupId ?: props.getProperty('groupId')
String artifactId = request.artifactId ?: props.getProperty('artifactId')
String version = request.version ?: props.getProperty('version')
String pkg = request.package ?: props.getProperty('package')
String database = props.getProperty('database')
String samples = props.getProperty('samples', 'false')
Path outputDir = Paths.get(request.outputDirectory).toAbsolutePath().normalize()

String problem = firstProblem(groupId, artifactId, version, pkg, database, samples)
if (problem != null) {
    removeGenerated(outputDir, artifactId, props, pkg)
    throw new IllegalArgumentException(problem)
}

Path project = outputDir.resolve(artifactId)
// databases/<database>/ holds that database's pom, classes, migrations and settings: laid over the project
Path databases = project.resolve('databases')
Path chosen = databases.resolve(database)
if (Files.isDirectory(chosen)) {
    Files.walk(chosen).withCloseable { it.filter { Files.isRegularFile(it) }.collect() }.each { Path file ->
        Path destination = project.resolve(chosen.relativize(file).toString())
        Files.createDirectories(destination.parent)
        Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING)
    }
}
deleteTree(databases)

// Imports in the order the project's formatter checks (palantir-java-format: static imports, then the others, each
// sorted by name): the chosen package sorts elsewhere than com.example.authserver did.
if (Files.isDirectory(project.resolve('src'))) {
    Files.walk(project.resolve('src')).withCloseable { it.filter { it.toString().endsWith('.java') }.collect() }.each { Path file ->
        String text = file.toFile().getText('UTF-8')
        String sorted = sortImports(text)
        if (sorted != text) {
            file.toFile().setText(sorted, 'UTF-8')
        }
    }
}

// samples=true: the server goes to server/, the samples become the root (with a copy of the Maven wrapper and the
// dot files, so that the root builds every module)
Path sampleFiles = project.resolve('samples')
if (samples == 'true' && Files.isDirectory(sampleFiles)) {
    Path server = project.resolve('server')
    Files.createDirectories(server)
    Files.list(project).withCloseable { it.collect() }.each { Path entry ->
        if (entry != sampleFiles && entry != server) {
            Files.move(entry, server.resolve(entry.fileName.toString()))
        }
    }
    Files.list(sampleFiles).withCloseable { it.collect() }.each { Path entry ->
        Files.move(entry, project.resolve(entry.fileName.toString()))
    }
    Files.delete(sampleFiles)
    ['mvnw', 'mvnw.cmd', '.mvn', '.gitignore', '.gitattributes', '.editorconfig'].each { String name ->
        Path source = server.resolve(name)
        if (Files.isDirectory(source)) {
            Files.walk(source).withCloseable { it.collect() }.each { Path from ->
                Path to = project.resolve(server.relativize(from).toString())
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to)
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING)
                }
            }
        } else if (Files.isRegularFile(source)) {
            Files.copy(source, project.resolve(name), StandardCopyOption.REPLACE_EXISTING)
        }
    }
} else {
    deleteTree(sampleFiles)
}

['mvnw', 'server/mvnw', 'fast-start.sh', 'server/fast-start.sh', 'run.sh'].each { String rel ->
    Path script = project.resolve(rel)
    if (!Files.isRegularFile(script)) {
        return
    }
    PosixFileAttributeView view = Files.getFileAttributeView(script, PosixFileAttributeView)
    if (view != null) {
        Set<PosixFilePermission> permissions = view.readAttributes().permissions()
        permissions.addAll([PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE])
        Files.setPosixFilePermissions(script, permissions)
    } else {
        script.toFile().setExecutable(true, false)
    }
}

/** Runs git in the project; true when it ran and succeeded (false also when git is not installed). */
static boolean git(Path project, List<String> arguments) {
    try {
        Process process = new ProcessBuilder(['git'] + arguments).directory(project.toFile())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        return process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && process.exitValue() == 0
    } catch (IOException ignored) {
        return false
    }
}

// A git repository with a first commit, as Spring Initializr users make by hand. Without git, or if any step fails
// (a hook, a broken configuration), the project stays as generated and says how to do it by hand. Without a git
// identity of the user's own the first commit is authored "AuthForge <authforge@localhost>".
if (!Files.exists(project.resolve('.git'))) {
    if (git(project, ['init', '-q'])) {
        List<String> identity = git(project, ['config', 'user.email']) ? []
            : ['-c', 'user.name=AuthForge', '-c', 'user.email=authforge@localhost']
        boolean committed = git(project, ['add', '-A']) &&
            git(project, identity + ['commit', '-q', '--no-verify', '-m', "Generated by AuthForge (${artifactId})".toString()])
        println committed ? "[authforge] ${project}: a git repository with a first commit"
            : "[authforge] ${project}: git init done, the first commit failed (run: git add -A && git commit)"
    } else {
        println "[authforge] git not found or failed: ${project} is not a git repository (run: git init)"
    }
}
