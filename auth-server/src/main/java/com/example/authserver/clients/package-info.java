/** The OAuth clients: their definitions, the cached client repository, client secrets and resource servers. */
package com.example.authserver.clients;
