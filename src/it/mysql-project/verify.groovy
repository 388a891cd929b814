// Generated with -Ddatabase=mysql, then built with its whole suite on MySQL / MariaDB.
File project = new File(basedir, 'mysql-server')
String pom = new File(project, 'pom.xml').getText('UTF-8')
assert pom.contains('<artifactId>mysql-connector-j</artifactId>') && pom.contains('<artifactId>flyway-mysql</artifactId>')
// (the PostgreSQL driver is in every project: an ASP.NET Identity import reads PostgreSQL sources, imports/aspnet)
assert !pom.contains('<artifactId>h2</artifactId>') && !pom.contains('flyway-database-postgresql') &&
        !pom.contains('embedded-postgres') && !pom.contains('bucket4j_jdk17-postgresql') : 'only MySQL belongs in this pom'
assert new File(project, 'src/main/resources/db/migration').list() as List == ['mysql']
assert !new File(project, 'src/test/java/com/example/mysql/mysqlserver/support/EmbeddedPostgresServer.java').exists()
File rateLimits = new File(project, 'src/main/java/com/example/mysql/mysqlserver/ratelimit')
assert new File(rateLimits, 'MysqlBucketTable.java').isFile() && !new File(rateLimits, 'PostgresqlBucketTable.java').exists()
assert pom.contains('<artifactId>bucket4j_jdk17-mysql</artifactId>') && pom.contains('<bucket4j.version>8.15.0</bucket4j.version>')
String config = new File(project, 'src/main/resources/database.yml').getText('UTF-8')
assert config.contains('jdbc:mysql://') && config.contains('preserveInstants=true') && config.contains('store: database')
assert !new File(project, 'databases').exists()
assert new File(project, 'compose.yaml').getText('UTF-8').contains('image: mysql:') : 'the MySQL project has its compose.yaml'
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Tests run: [1-9]\d*, Failures: 0, Errors: 0/ : 'the suite did not run'
assert new File(project, 'target/mysql-server-0.1.0-SNAPSHOT.jar').isFile()
println 'mysql-project: built and tested on MySQL/MariaDB'
return true
