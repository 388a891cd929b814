// Builds the archetype's templates from the server project in auth-server/ (run by gmavenplus at
// generate-resources; the output becomes target/classes/archetype-resources).
//
// auth-server/ is a plain Spring Boot project, package com.example.authserver, on H2 by default. Its files
// reach the archetype as they are, except:
//   - Java sources move out of the package folders (the archetype puts them under the chosen package) and
//     their com.example.authserver becomes ${package};
//   - pom.xml: the project's coordinates become ${groupId}, ${artifactId} and ${version} (and a class it names
//     has its com.example.authserver become ${package}), and one pom per
//     database is written to databases/<database>/pom.xml, with that database's profile merged into the
//     main sections and the other databases' profiles dropped (the post-generate script puts the chosen
//     one in place, with the rest of databases/<database>/);
//   - spring.factories name classes by package; README.md's title is the artifactId;
//   - .gitignore is shipped as __gitignore__ (Maven's tools drop files of that name).
// Every other line of a templated file is wrapped in #[[ ]]# so Velocity copies it untouched: "##", "#if" or
// "${x}" written in the server mean what they say. Nothing else is templated.

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

import groovy.transform.Field

@Field static final String PACKAGE = 'com.example.authserver'
@Field static final String PACKAGE_PATH = 'com/example/authserver'
@Field static final List<String> DATABASES = ['h2', 'postgresql', 'mysql']
@Field static final Map<String, String> COORDINATES = [
    '    <groupId>com.example</groupId>'      : '    <groupId>${groupId}</groupId>',
    '    <artifactId>auth-server</artifactId>': '    <artifactId>${artifactId}</artifactId>',
    '    <version>0.1.0-SNAPSHOT</version>'   : '    <version>${version}</version>',
    '    <name>auth-server</name>'            : '    <name>${artifactId}</name>']
/** What a developer's run leaves in auth-server/ and a generated project must not get. */
@Field static final List<String> LOCAL_ONLY = ['target', 'data', '.idea', '.vscode', '.settings', '.classpath',
                                               '.project', '.factorypath', '.apt_generated', '.sts4-cache',
                                               'nbproject', '.DS_Store']

class TemplateProblem extends RuntimeException {
    TemplateProblem(String message) { super(message) }
}

/**
 * The text as a Velocity template: lines with a replacement get it (they must hold nothing else Velocity
 * reads); every other line goes into a #[[ ]]# block, which Velocity copies as it is.
 */
static String velocityTemplate(String where, String text, Closure<String> replace) {
    StringBuilder out = new StringBuilder()
    StringBuilder verbatim = new StringBuilder()
    def flush = {
        if (verbatim.length() > 0) {
            if (verbatim.indexOf(']]#') >= 0) {
                throw new TemplateProblem("${where}: ']]#' cannot be kept verbatim by Velocity")
            }
            out.append('#[[').append(verbatim).append(']]#')
            verbatim.setLength(0)
        }
    }
    List<String> lines = text.split('(?<=\n)', -1).findAll { !it.isEmpty() }
    lines.eachWithIndex { String line, int index ->
        String replaced = replace(line)
        if (replaced == line) {
            verbatim.append(line)
            return
        }
        String rest = replaced.replaceAll(/\$\{(groupId|artifactId|version|package)\}/, '')
        if (rest.contains('$') || rest =~ /#[#*\[{A-Za-z@]/) {
            throw new TemplateProblem("${where}:${index + 1}: a line naming the package or coordinates must not "
                + "also hold '\$' or '#' (Velocity would read them): ${line.trim()}")
        }
        flush()
        out.append(replaced)
    }
    flush()
    return out.toString()
}

/** A README: its title, "# auth-server", becomes the artifactId. */
static String readmeTemplate(String where, String readme) {
    if (!readme.startsWith('# auth-server\n')) {
        throw new TemplateProblem("${where}: the title must read '# auth-server' (it becomes the artifactId)")
    }
    return velocityTemplate(where, readme) { String line -> line == '# auth-server\n' ? '# ${artifactId}\n' : line }
}

static String javaTemplate(String where, String text) {
    return velocityTemplate(where, text) { String line -> line.replace(PACKAGE, '${package}') }
}

// ------------------------------------------------------------------------------------------- pom.xml

/** The lines from the one that equals start to the one that equals end, both included, or null. */
static List<Integer> block(List<String> lines, String start, String end) {
    int first = lines.indexOf(start)
    if (first < 0) {
        return null
    }
    int last = lines.subList(first + 1, lines.size()).indexOf(end)
    return last < 0 ? null : [first, first + 1 + last]
}

/** A profile's section (properties, dependencies, build plugins), without its tags, moved 8 columns left. */
static List<String> section(List<String> profile, String tag) {
    List<Integer> range = block(profile, "            <${tag}>", "            </${tag}>")
    if (range == null) {
        return []
    }
    List<String> inner = profile.subList(range[0] + 1, range[1])
    if (tag == 'build') {
        List<Integer> plugins = block(inner, '                <plugins>', '                </plugins>')
        inner = plugins == null ? [] : inner.subList(plugins[0] + 1, plugins[1])
    }
    return inner.collect { it.startsWith('        ') ? it.substring(8) : it }
}

/**
 * The pom of a project generated for one database: its profile's properties (replacing the same-named ones),
 * dependencies (at the marker comment) and build plugins merged into the main sections; the database profiles
 * and the comment above the profiles gone, and the profiles named "<something>-<other database>" too.
 */
static String databasePom(String pom, String database) {
    List<String> lines = pom.split('\n', -1) as List
    List<Integer> profilesRange = block(lines, '    <profiles>', '    </profiles>')
    if (profilesRange == null) {
        throw new TemplateProblem('auth-server/pom.xml: no <profiles> section with the databases')
    }
    int commentStart = profilesRange[0]
    while (commentStart > 0 && lines[commentStart - 1].trim() && !lines[commentStart - 1].startsWith('    </')) {
        commentStart--
    }
    List<List<String>> profiles = []
    List<String> pending = []
    lines.subList(profilesRange[0] + 1, profilesRange[1]).each { String line ->
        pending << line
        if (line == '        </profile>') {
            profiles << pending
            pending = []
        }
    }
    def idOf = { List<String> profile -> profile.find { it.startsWith('            <id>') }?.trim()
        ?.replaceAll(/<\/?id>/, '') }
    List<String> chosen = profiles.find { idOf(it) == database }
    if (chosen == null) {
        throw new TemplateProblem("auth-server/pom.xml: no profile with the id ${database}")
    }
    List<List<String>> kept = profiles.findAll { List<String> profile ->
        String id = idOf(profile)
        !(id in DATABASES) && id != 'databases' && !(DATABASES - database).any { id.endsWith('-' + it) }
    }

    List<String> out = new ArrayList<>(lines.subList(0, commentStart))
    while (out && !out.last().trim()) {
        out.removeLast()
    }
    // properties: replace the same-named ones (with the comment above it in the profile), add the others
    List<String> properties = section(chosen, 'properties')
    List<String> comment = []
    properties.each { String line ->
        def name = (line =~ /^        <([\w.-]+)>/)
        if (!name.find()) {
            comment << line
            return
        }
        int existing = out.findIndexOf { it.startsWith("        <${name.group(1)}>") }
        if (existing >= 0) {
            out.remove(existing)
            out.addAll(existing, comment + [line])
        } else {
            int end = out.findIndexOf { it == '    </properties>' }
            out.addAll(end, comment + [line])
        }
        comment = []
    }
    int marker = out.findIndexOf { it.contains("<!-- the database's driver and modules") }
    if (marker < 0) {
        throw new TemplateProblem("auth-server/pom.xml: no \"<!-- the database's driver and modules\" comment")
    }
    out.remove(marker)
    out.addAll(marker, section(chosen, 'dependencies'))
    List<String> plugins = section(chosen, 'build')
    if (plugins) {
        int end = out.findIndexOf { it == '        </plugins>' }
        out.addAll(end, plugins)
    }
    if (kept) {
        out << '' << '    <profiles>'
        kept.each { out.addAll(it) }
        out << '    </profiles>'
    }
    out.addAll(lines.subList(profilesRange[1] + 1, lines.size()))
    return out.join('\n')
}

static String pomTemplate(String where, String pom) {
    COORDINATES.keySet().each { String line ->
        if (!pom.contains(line + '\n')) {
            throw new TemplateProblem("${where}: the project's coordinates must read '${line.trim()}'")
        }
    }
    return velocityTemplate(where, pom) { String line ->
        String bare = line.endsWith('\n') ? line.substring(0, line.length() - 1) : line
        // the package, where the pom names a class (the new-migration profile's main class)
        COORDINATES.containsKey(bare) ? COORDINATES[bare] + line.substring(bare.length()) : line.replace(PACKAGE, '${package}')
    }
}

// ------------------------------------------------------------------------------------------- the files

/** Where a file of auth-server/ goes in archetype-resources/, or null if it stays behind. */
static String target(String rel) {
    if (LOCAL_ONLY.any { rel == it || rel.startsWith(it + '/') } || rel.endsWith('.iml') || rel.endsWith('.log')) {
        return null
    }
    if (rel == '.gitignore') {
        return '__gitignore__'
    }
    def java = (rel =~ /^((?:databases\/[^\/]+\/)?src\/(?:main|test)\/java\/)(.*)$/)
    if (java.matches()) {
        if (!java.group(2).startsWith(PACKAGE_PATH + '/')) {
            throw new TemplateProblem("auth-server/${rel}: Java sources belong under ${PACKAGE_PATH}/")
        }
        return java.group(1) + java.group(2).substring(PACKAGE_PATH.length() + 1)
    }
    return rel
}

static void generate(Path server, Path output) {
    if (Files.exists(output)) {
        Files.walk(output).withCloseable { it.sorted(Comparator.reverseOrder()).collect() }.each { Files.delete(it) }
    }
    List<Path> files = Files.walk(server).withCloseable { it.filter { Files.isRegularFile(it) }.collect() }
    int count = 0
    files.each { Path file ->
        String rel = server.relativize(file).toString().replace('\\', '/')
        String out = target(rel)
        if (out == null) {
            return
        }
        Path destination = output.resolve(out)
        Files.createDirectories(destination.parent)
        String where = "auth-server/${rel}"
        if (rel == 'pom.xml') {
            String pom = file.toFile().getText('UTF-8')
            DATABASES.each { String database ->
                Path variant = output.resolve("databases/${database}/pom.xml")
                Files.createDirectories(variant.parent)
                variant.toFile().setText(pomTemplate(where, databasePom(pom, database)), 'UTF-8')
            }
            destination.toFile().setText(pomTemplate(where, databasePom(pom, 'h2')), 'UTF-8')
        } else if (rel.endsWith('.java') || rel.endsWith('META-INF/spring.factories')) {
            destination.toFile().setText(javaTemplate(where, file.toFile().getText('UTF-8')), 'UTF-8')
        } else if (rel == 'README.md') {
            destination.toFile().setText(readmeTemplate(where, file.toFile().getText('UTF-8')), 'UTF-8')
        } else {
            Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES)
        }
        count++
    }
    println "[archetype-resources] ${count} files from ${server} to ${output}"
}

// ------------------------------------------------------------------------------------------- the samples

/** Where a file of samples/ goes in archetype-resources/samples/, or null if it stays behind. */
static String sampleTarget(String rel) {
    if (rel.split('/').any { it in LOCAL_ONLY } || rel.endsWith('.iml') || rel.endsWith('.log')) {
        return null
    }
    def java = (rel =~ /^([^\/]+\/src\/(?:main|test)\/java\/)(.*)$/)
    if (java.matches()) {
        String module = rel.substring(0, rel.indexOf('/'))
        String prefix = "${PACKAGE_PATH}/samples/${module}/"
        if (!java.group(2).startsWith(prefix)) {
            throw new TemplateProblem("samples/${rel}: the ${module} module's Java sources belong under ${prefix}")
        }
        return java.group(1) + java.group(2).substring(PACKAGE_PATH.length() + 1)
    }
    return rel
}

/** A sample module's pom (or the samples' aggregator): its coordinates become the project's. */
static String samplePomTemplate(String where, String pom) {
    if (!pom.contains('    <groupId>com.example</groupId>\n') || !pom.contains('    <version>0.1.0-SNAPSHOT</version>\n')
            || !(pom =~ /(?m)^    <artifactId>auth-server-[a-z]+<\/artifactId>$/)) {
        throw new TemplateProblem("${where}: the coordinates must read <groupId>com.example</groupId>, "
            + '<artifactId>auth-server-<module></artifactId> and <version>0.1.0-SNAPSHOT</version>, 4 columns in')
    }
    return velocityTemplate(where, pom) { String line ->
        if (line.startsWith('    <groupId>com.example</groupId>')) {
            return line.replace('com.example', '${groupId}')
        }
        if (line.startsWith('    <version>0.1.0-SNAPSHOT</version>')) {
            return line.replace('0.1.0-SNAPSHOT', '${version}')
        }
        if (line =~ /^    <(artifactId|name)>auth-server-[a-z]+<\/(artifactId|name)>/) {
            return line.replace('auth-server-', '${artifactId}-')
        }
        return line.replace(PACKAGE, '${package}')
    }
}

/**
 * samples/ (the quickstart's API, web and console applications, and run.sh) goes to archetype-resources/samples/;
 * the post-generate script makes it the project's root, with the server in server/, when samples=true.
 */
static int generateSamples(Path samples, Path output) {
    if (!Files.isDirectory(samples)) {
        return 0
    }
    List<Path> files = Files.walk(samples).withCloseable { it.filter { Files.isRegularFile(it) }.collect() }
    int count = 0
    files.each { Path file ->
        String rel = samples.relativize(file).toString().replace('\\', '/')
        String out = sampleTarget(rel)
        if (out == null) {
            return
        }
        Path destination = output.resolve('samples').resolve(out)
        Files.createDirectories(destination.parent)
        String where = "samples/${rel}"
        String text = rel.endsWith('.java') || rel.endsWith('pom.xml') || rel == 'README.md'
            ? file.toFile().getText('UTF-8') : null
        if (rel.endsWith('.java')) {
            destination.toFile().setText(javaTemplate(where, text), 'UTF-8')
        } else if (rel.endsWith('pom.xml')) {
            destination.toFile().setText(samplePomTemplate(where, text), 'UTF-8')
        } else if (rel == 'README.md') {
            destination.toFile().setText(readmeTemplate(where, text), 'UTF-8')
        } else {
            Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES)
        }
        count++
    }
    println "[archetype-resources] ${count} files from ${samples} to ${output.resolve('samples')}"
    return count
}

// gmavenplus binds project; a plain `groovy` run passes the two folders as arguments
if (binding.hasVariable('project')) {
    Path base = project.basedir.toPath()
    // what an earlier build copied to target/classes would otherwise outlive a file deleted from auth-server/
    Path copied = Path.of(project.build.outputDirectory, 'archetype-resources')
    if (Files.exists(copied)) {
        Files.walk(copied).withCloseable { it.sorted(Comparator.reverseOrder()).collect() }.each { Files.delete(it) }
    }
    Path output = Path.of(project.build.directory, 'generated-archetype', 'archetype-resources')
    generate(base.resolve('auth-server'), output)
    generateSamples(base.resolve('samples'), output)
} else {
    generate(Path.of(args[0]), Path.of(args[1]))
    if (args.length > 2) {
        generateSamples(Path.of(args[2]), Path.of(args[1]))
    }
}
