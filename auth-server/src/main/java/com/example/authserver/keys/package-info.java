/** The signing keys: generated, encrypted at rest, published in the JWKS and rotated. */
package com.example.authserver.keys;
