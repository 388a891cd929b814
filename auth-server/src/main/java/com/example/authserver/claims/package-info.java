/** The one mapping from a user to the claims of tokens and UserInfo, filtered by scope. */
package com.example.authserver.claims;
