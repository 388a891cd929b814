/** Sign-in through upstream OpenID Connect providers, linking them to accounts, and their manage page. */
package com.example.authserver.external;
