package com.example.authserver.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The id of a bucket: the first 64 bits of the SHA-256 of its group, its limit and the key (client address or
 * account name). However long the key an attacker types, the id is eight bytes; the limit is part of it, so a changed
 * limit starts new buckets rather than reading old ones. Collisions would need about four billion buckets.
 */
final class BucketKeys {

    private BucketKeys() {}

    static long id(String group, RateLimitProperties.Limit limit, String key) {
        // the free-form key last: the fixed-form parts before it cannot run into it
        String text = group + "\n" + limit.getAttempts() + "/" + limit.getPeriod() + "\n" + key;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
    }
}
