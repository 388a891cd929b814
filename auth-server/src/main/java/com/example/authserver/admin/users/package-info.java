/**
 * The Users pages of the administration console ({@code /admin/users}): finding users, and everything an administrator
 * does to one, each change through administration/ (which records it in the audit trail).
 */
package com.example.authserver.admin.users;
