// Runs this case only where a MySQL 8 / MariaDB 10.6+ server is configured for the tests.
String url = System.getenv('AUTHFORGE_TEST_MYSQL_URL')
if (!url) {
    println 'mysql-project: skipped, AUTHFORGE_TEST_MYSQL_URL is not set (for example jdbc:mysql://127.0.0.1:3306/?user=root)'
    return false
}
return true
