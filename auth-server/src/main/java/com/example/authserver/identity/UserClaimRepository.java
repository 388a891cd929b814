package com.example.authserver.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserClaimRepository extends JpaRepository<UserClaim, Long> {

    List<UserClaim> findByUserIdOrderById(String userId);

    long deleteByUserIdAndClaimTypeAndClaimValue(String userId, String claimType, String claimValue);
}
