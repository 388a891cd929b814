package com.example.authserver.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserLoginRepository extends JpaRepository<UserLogin, UserLogin.Key> {

    List<UserLogin> findByUserIdOrderByLoginProviderAscProviderKeyAsc(String userId);
}
