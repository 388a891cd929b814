package com.example.authserver.identity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoleRepository extends JpaRepository<IdentityRole, String> {

    Optional<IdentityRole> findByNormalizedName(String normalizedName);
}
