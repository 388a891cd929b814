/**
 * The admin console under {@code /admin} (role {@code admin}): who may enter (a recent sign-in, in production a second
 * factor), its page shell and home page, and the {@code admin create} command that makes the first administrator.
 * Each area of the console is a subpackage.
 */
package com.example.authserver.admin;
