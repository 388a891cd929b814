/** Server-wide parts: the clock, production checks, forwarded headers, request firewall, errors, health and metrics. */
package com.example.authserver.system;
