/** Changing the email address: the new address confirmed by a link before it replaces the old one. */
package com.example.authserver.account.email;
