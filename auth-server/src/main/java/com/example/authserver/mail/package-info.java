/** Account emails: sending them, security notices, and the development mailbox. */
package com.example.authserver.mail;
