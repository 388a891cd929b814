package ${package}.identity;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<ApplicationUser, String> {

    Optional<ApplicationUser> findByNormalizedUserName(String normalizedUserName);

    Optional<ApplicationUser> findByNormalizedEmail(String normalizedEmail);

    /** Loads the user and locks its row, so concurrent password checks count failures one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from ApplicationUser u where u.id = :id")
    Optional<ApplicationUser> findForUpdateById(String id);
}
