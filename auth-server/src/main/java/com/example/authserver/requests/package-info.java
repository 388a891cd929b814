/**
 * How authorization requests reach the authorization endpoint: pushed first (RFC 9126), as signed request objects
 * (RFC 9101), and how the response goes back ({@code response_mode=form_post}).
 */
package com.example.authserver.requests;
