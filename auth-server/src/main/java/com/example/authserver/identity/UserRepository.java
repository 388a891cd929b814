package com.example.authserver.identity;

import java.util.Optional;
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

    @Query("select count(u) from ApplicationUser u join u.roles r where r.normalizedName = :role and u.enabled = true")
    long countEnabledInRole(String role);
}
