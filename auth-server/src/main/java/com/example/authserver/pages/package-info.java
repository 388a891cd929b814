/** The pages outside the account area: home, sign-in, sign-out, consent, errors. */
package com.example.authserver.pages;
