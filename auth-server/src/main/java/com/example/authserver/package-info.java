/** The authorization server: the application class; each package below is one part, README.md says which. */
package com.example.authserver;
