package com.example.authserver.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The rows of {@code user_tokens}: account links, authenticator keys, recovery codes. */
public interface UserTokenRepository extends JpaRepository<UserToken, UserToken.Key> {

    /**
     * Deletes the row only if it still holds the value that was checked: of two requests using one link
     * at the same time, exactly one gets 1 back.
     */
    @Modifying
    @Query("delete from UserToken t where t.userId = :userId and t.loginProvider = :loginProvider "
            + "and t.name = :name and t.value = :value")
    int deleteIfUnchanged(String userId, String loginProvider, String name, String value);

    /** Replaces the value only if it is still the one that was read: of two concurrent changes, one wins. */
    @Modifying
    @Query("update UserToken t set t.value = :newValue where t.userId = :userId "
            + "and t.loginProvider = :loginProvider and t.name = :name and t.value = :oldValue")
    int replaceIfUnchanged(String userId, String loginProvider, String name, String oldValue, String newValue);

    List<UserToken> findByUserId(String userId);
}
