/** Email confirmation: the link, the resend page, the sign-in rule for unconfirmed addresses, and the first proof of an address. */
package com.example.authserver.account.confirmation;
