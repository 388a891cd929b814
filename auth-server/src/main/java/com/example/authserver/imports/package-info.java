/**
 * Commands that bring users and clients over from another identity server, run from the packaged server instead of
 * starting it: {@code java -jar <jar> import <source> --option=value ...}. They start a Spring context without the web
 * server ({@link ImportApplication}), read the source (which they never write) and write into this server's stores.
 */
package com.example.authserver.imports;
