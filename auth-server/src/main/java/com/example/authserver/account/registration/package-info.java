/** Registration: the form, creating the account, and the email that confirms it. */
package com.example.authserver.account.registration;
