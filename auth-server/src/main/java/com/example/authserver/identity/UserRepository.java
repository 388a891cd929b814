package com.example.authserver.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<ApplicationUser, String> {

    Optional<ApplicationUser> findByNormalizedUserName(String normalizedUserName);

    Optional<ApplicationUser> findByNormalizedEmail(String normalizedEmail);

    /**
     * Loads the user and locks its row, so concurrent password checks count failures one at a time.
     * Plain {@code for update} (not Hibernate's {@code for update of}) works on H2, PostgreSQL, MySQL and MariaDB.
     */
    @Query(value = "select * from users where id = :id for update", nativeQuery = true)
    Optional<ApplicationUser> findForUpdateById(String id);

    /** Users whose normalized name or email starts with the pattern's prefix, after a name, in name order. */
    @Query("select u from ApplicationUser u where (u.normalizedUserName like :prefix escape '!'"
            + " or u.normalizedEmail like :prefix escape '!') and u.normalizedUserName > :after"
            + " order by u.normalizedUserName")
    List<ApplicationUser> findMatchingAfter(String prefix, String after, Pageable page);

    /** As {@link #findMatchingAfter}, before a name, in reverse name order (the page before). */
    @Query("select u from ApplicationUser u where (u.normalizedUserName like :prefix escape '!'"
            + " or u.normalizedEmail like :prefix escape '!') and u.normalizedUserName < :before"
            + " order by u.normalizedUserName desc")
    List<ApplicationUser> findMatchingBefore(String prefix, String before, Pageable page);

    List<ApplicationUser> findByNormalizedUserNameGreaterThanOrderByNormalizedUserName(String after, Pageable page);

    List<ApplicationUser> findByNormalizedUserNameLessThanOrderByNormalizedUserNameDesc(String before, Pageable page);

    @Query("select count(u) from ApplicationUser u join u.roles r where r.normalizedName = :role and u.enabled = true")
    long countEnabledInRole(String role);

    /** Locks the role's row: changes that could each take away the role's last member wait for one another. */
    @Query(value = "select id from roles where normalized_name = :role for update", nativeQuery = true)
    List<String> lockRole(String role);

    /**
     * The enabled members of the role, their rows locked: a locking read sees the latest committed rows on every
     * vendor (MySQL's repeatable read included), so a change the other transaction just made is counted.
     */
    @Query(
            value = "select u.id from users u where u.enabled = true and u.id in (select ur.user_id from user_roles ur"
                    + " join roles r on r.id = ur.role_id where r.normalized_name = :role) for update",
            nativeQuery = true)
    List<String> lockEnabledInRole(String role);
}
