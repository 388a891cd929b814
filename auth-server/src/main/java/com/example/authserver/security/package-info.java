/** The two filter chains (protocol endpoints, application pages) and sign-in: passwords, second factors, recent sign-in. */
package com.example.authserver.security;
