/** The manage pages: overview, profile, personal data and deletion, the applications allowed, and signing in again. */
package com.example.authserver.account.manage;
