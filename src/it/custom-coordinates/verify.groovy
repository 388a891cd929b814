// Generated with groupId org.acme.identity.platform, artifactId idp2-server,
// package org.acme.identity.platform.idp2, version 2.3.4, database postgresql. This script:
//   1. checks the coordinates and the package of the generated sources;
//   2. follows the generated README's walkthrough "Add a property to ApplicationUser", taking the
//      code from the README itself, so the walkthrough is tested as a newcomer would follow it;
//   3. builds the project with its whole test suite (`mvn verify`), which now includes the
//      walkthrough's test: on embedded PostgreSQL, or only on the server AUTHFORGE_TEST_POSTGRES_URL names, if set.
import groovy.io.FileType
import java.util.concurrent.TimeUnit

File project = new File(basedir, 'idp2-server')
String packagePath = 'org/acme/identity/platform/idp2'
File packageDir = new File(project, "src/main/java/${packagePath}")

// ---------------------------------------------------------------- 1. coordinates and package
List<File> mains = []
new File(project, 'src/main/java').eachFileRecurse { File f ->
    if (f.name.endsWith('.java') && f.getText('UTF-8').contains('@SpringBootApplication')) {
        mains << f
    }
}
assert mains.size() == 1 : "expected one @SpringBootApplication class, found ${mains}"
File main = mains[0]
assert main.parentFile == packageDir : "the main class ${main} is not in ${packageDir}"
assert main.getText('UTF-8').startsWith('package org.acme.identity.platform.idp2;') : "${main} has the wrong package line"
assert !new File(project, 'src/main/java/com').exists() : 'sources were also written under com/'
new File(project, 'src').eachFileRecurse { File f ->
    if (f.name.endsWith('.java')) {
        String text = f.getText('UTF-8')
        assert !text.contains('com.example') : "${f} still names com.example"
        assert text.contains('package org.acme.identity.platform.idp2') : "${f} has the wrong package"
    }
}

String pom = new File(project, 'pom.xml').getText('UTF-8')
assert pom.contains('<artifactId>postgresql</artifactId>') && pom.contains('flyway-database-postgresql')
assert pom.contains('embedded-postgres') : 'the tests of a PostgreSQL project run on embedded PostgreSQL'
assert new File(project, 'compose.yaml').getText('UTF-8').contains('image: postgres:') : 'the PostgreSQL project has its compose.yaml'
// (mysql-connector-j is in every project: an ASP.NET Identity import reads MySQL sources, imports/aspnet)
assert !pom.contains('<artifactId>h2</artifactId>') && !pom.contains('flyway-mysql') && !pom.contains('bucket4j_jdk17-mysql') :
        'only PostgreSQL belongs in this pom'
assert new File(project, 'src/main/resources/db/migration').list() as List == ['postgresql'] :
        'only the PostgreSQL migrations belong in this project'
assert new File(project, "src/test/java/${packagePath}/support/EmbeddedPostgresServer.java").isFile()
assert new File(packageDir, 'ratelimit/PostgresqlBucketTable.java').isFile()
assert !new File(packageDir, 'ratelimit/MysqlBucketTable.java').exists()
assert pom.contains('<artifactId>bucket4j_jdk17-postgresql</artifactId>')
assert new File(project, 'src/main/resources/database.yml').getText('UTF-8').contains('jdbc:postgresql://')
assert !new File(project, 'databases').exists() : 'databases/ is laid over the project, then removed'
// every file of the server project's databases/postgresql/ is in the project, the Java sources under the package
File overlay = new File(serverProject as String, 'databases/postgresql')
overlay.eachFileRecurse { File f ->
    String rel = overlay.toPath().relativize(f.toPath()).toString().replace('\\', '/')
    if (f.isFile() && rel != 'pom.xml') {
        String out = rel.replace('/com/example/authserver/', "/${packagePath}/")
        assert new File(project, out).isFile() : "databases/postgresql/${rel} was not generated as ${out}"
    }
}
new File(project, 'src').eachFileRecurse(FileType.FILES) { File f ->
    assert !f.getText('ISO-8859-1').contains('com.example.authserver') : "${f} still names com.example.authserver"
}
assert pom.contains('<groupId>org.acme.identity.platform</groupId>')
assert pom.contains('<artifactId>idp2-server</artifactId>')
assert pom.contains('<version>2.3.4</version>')

// ---------------------------------------------------------------- 2. the README walkthrough
String readme = new File(project, 'README.md').getText('UTF-8')
int start = readme.indexOf('## Add a property to ApplicationUser')
assert start >= 0 : 'the README has no walkthrough section'
String walkthrough = readme.substring(start, readme.indexOf('\n## ', start + 3))
List<String> blocks = (walkthrough =~ /(?s)```(\w+)\n(.*?)\n\s*```/).collect { it[2].stripIndent() }
assert blocks.size() == 4 : "expected 4 code blocks in the walkthrough, found ${blocks.size()}"
String property = blocks[0], migration = blocks[1], claimLine = blocks[2], test = blocks[3]
String seedLine = (walkthrough =~ /`(user\.setDepartment\([^`]*\);)`/)[0][1]
String vendor = new File(project, 'src/main/resources/db/migration').list()[0]
String migrationPath = (walkthrough =~ /`(src\/main\/resources\/db\/migration\/<vendor>\/identity\/V\d+__\w+\.sql)`/)[0][1]
        .replace('<vendor>', vendor)
// The walkthrough's migration is the user's first: the next whole version after those the project ships (the
// baselines V1_1, V1_2, V1_3 share one Flyway history across the folders, so every folder counts).
def versionOf = { String name -> (name =~ /^V(\d+(?:_\d+)*)__/)[0][1].split('_').collect { it as int } }
List<Integer> shippedMajors = []
new File(project, "src/main/resources/db/migration/${vendor}").eachFileRecurse { File f ->
    if (f.name ==~ /V.*\.sql/) {
        shippedMajors << versionOf(f.name)[0]
    }
}
assert shippedMajors : "no migrations under src/main/resources/db/migration/${vendor}"
List<Integer> walkthroughVersion = versionOf(new File(migrationPath).name)
assert walkthroughVersion == [shippedMajors.max() + 1] :
        "the README's migration ${migrationPath} should be V${shippedMajors.max() + 1}, the first after the baselines"

def insertBeforeLastBrace = { File file, String code ->
    String text = file.getText('UTF-8')
    int last = text.lastIndexOf('}')
    file.setText(text.substring(0, last) + '\n' + code.readLines().collect { it.trim() ? '    ' + it : '' }.join('\n') + '\n}\n', 'UTF-8')
}
def insertAfter = { File file, String anchor, String line ->
    String text = file.getText('UTF-8')
    int at = text.indexOf(anchor)
    assert at >= 0 : "${file.name} has no '${anchor}'"
    int lineEnd = text.indexOf('\n', at)
    String indent = (text.substring(text.lastIndexOf('\n', at) + 1, at) =~ /^\s*/)[0]
    file.setText(text.substring(0, lineEnd + 1) + indent + line + '\n' + text.substring(lineEnd + 1), 'UTF-8')
}

insertBeforeLastBrace(new File(packageDir, 'identity/ApplicationUser.java'), property)
File migrationFile = new File(project, migrationPath)
assert !migrationFile.exists() : "${migrationPath} already exists: the README names a version that is taken"
migrationFile.setText(migration + '\n', 'UTF-8')
insertAfter(new File(packageDir, 'claims/ClaimsMapping.java'), 'putIfPresent(claims, "family_name"', claimLine)
insertAfter(new File(packageDir, 'seed/SeedUsers.java'), 'user.setFamilyName("Smith");', seedLine)
insertBeforeLastBrace(new File(project, "src/test/java/${packagePath}/claims/ClaimsMappingTests.java"), test)
println 'custom-coordinates: applied the README walkthrough (department)'

// ---------------------------------------------------------------- 3. build and test, once
String mavenHome = System.getProperty('maven.home')
List<String> command = ["${mavenHome}/bin/mvn", '-B', '-ntp', '-Dstyle.color=never', 'verify']
if (System.getenv('AUTHFORGE_TEST_POSTGRES_URL')) {
    // one run, on that server, instead of one on embedded PostgreSQL and a second one there: the same PostgreSQL
    // code twice would add minutes to CI and find nothing new (a developer's machine still runs embedded)
    command += ['-P!external-postgresql', '-Dauthforge.test.server=external']
}
if (binding.hasVariable('localRepositoryPath') && localRepositoryPath) {
    command << "-Dmaven.repo.local=${localRepositoryPath}"
}
File log = new File(basedir, 'walkthrough-build.log')
Process build = new ProcessBuilder(command.collect { it.toString() }).directory(project)
        .redirectErrorStream(true).redirectOutput(log).start()
assert build.waitFor(30, TimeUnit.MINUTES) : 'the build did not finish in 30 minutes'
String output = log.getText('UTF-8')
println output.readLines().findAll { it.contains('Tests run:') || it.contains('BUILD') }.join('\n')
assert build.exitValue() == 0 : "the project with the walkthrough applied does not build; see ${log}\n" +
        output.readLines().takeRight(80).join('\n')
assert output.contains('departmentIsReleasedWithProfile') || output =~ /Tests run: \d+.*ClaimsMappingTests/ :
        'the walkthrough test did not run'

File jar = new File(project, 'target/idp2-server-2.3.4.jar')
assert jar.isFile() : "missing ${jar}"
println "custom-coordinates: main class ${project.toPath().relativize(main.toPath())}, jar ${jar.name}"
return true
