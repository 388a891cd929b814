package ${package}.account;

import ${package}.identity.UserToken;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<UserToken, UserToken.Key> {

    /**
     * Deletes the row only if it still holds the value that was checked: of two requests using one link
     * at the same time, exactly one gets 1 back.
     */
    @Modifying
    @Query("delete from UserToken t where t.userId = :userId and t.loginProvider = :loginProvider "
            + "and t.name = :name and t.value = :value")
    int deleteIfUnchanged(String userId, String loginProvider, String name, String value);
}
