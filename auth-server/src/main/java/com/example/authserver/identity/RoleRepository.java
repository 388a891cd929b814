package com.example.authserver.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RoleRepository extends JpaRepository<IdentityRole, String> {

    Optional<IdentityRole> findByNormalizedName(String normalizedName);

    List<IdentityRole> findAllByOrderByNormalizedName();

    /** Pairs of role id and member count, for the roles that have members. */
    @Query("select r.id, count(u) from ApplicationUser u join u.roles r group by r.id")
    List<Object[]> memberCounts();

    @Query("select u from ApplicationUser u join u.roles r where r.id = :roleId order by u.normalizedUserName")
    Slice<ApplicationUser> membersOf(String roleId, Pageable page);
}
