/** The admin console's signing keys page: the published keys and their phases, and "rotate now". */
package com.example.authserver.admin.keys;
