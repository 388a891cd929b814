/** The user store modelled on ASP.NET Core Identity: users, roles, claims, logins, tokens, passwords and lockout. */
package com.example.authserver.identity;
