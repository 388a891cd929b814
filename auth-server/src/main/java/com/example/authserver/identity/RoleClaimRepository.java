package com.example.authserver.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoleClaimRepository extends JpaRepository<RoleClaim, Long> {

    List<RoleClaim> findByRoleIdInOrderById(Collection<String> roleIds);

    List<RoleClaim> findByRoleIdOrderById(String roleId);

    boolean existsByRoleIdAndClaimTypeAndClaimValue(String roleId, String claimType, String claimValue);
}
