// The PostgreSQL project's tests start embedded PostgreSQL, which refuses to run as root. As root,
// this case runs only where AUTHFORGE_TEST_POSTGRES_URL names a server (the tests then use it);
// otherwise it is skipped, and says so.
if (System.getProperty('user.name') == 'root' && !System.getenv('AUTHFORGE_TEST_POSTGRES_URL')) {
    println 'custom-coordinates: skipped, running as root without AUTHFORGE_TEST_POSTGRES_URL ' +
            '(embedded PostgreSQL refuses root; run as an ordinary user, or set it, for example ' +
            'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)'
    return false
}
return true
