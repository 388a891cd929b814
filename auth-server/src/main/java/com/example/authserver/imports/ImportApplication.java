package com.example.authserver.imports;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.keys.SecretCipher;
import com.example.authserver.twofactor.ImportedTwoFactor;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The Spring context an import runs in: the server's configuration and database settings, its user store
 * (identity), the key-encryption key (keys/SecretCipher, for authenticator keys, and keys/StoredSecretsCheck, which
 * checks it opens the server's sealed signing keys before anything is sealed with it), the stores of two-factor
 * credentials (twofactor/ImportedTwoFactor) and the importers, without the web
 * server, the security chains or the scheduled jobs. It never migrates the target: a database the server has not
 * migrated to this version is an {@link ImportFailure}, so an import cannot run against the wrong schema.
 * <p>
 * Deliberately not a {@code @Configuration}: the server's own component scan must not pick it up (its migration
 * strategy would stop the server from migrating). {@link ImportCommandLine} passes it to Spring as the source.
 */
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackageClasses = ApplicationUser.class)
@ConfigurationPropertiesScan(basePackageClasses = {ApplicationUser.class, SecretCipher.class})
@ComponentScan(basePackageClasses = {ImportApplication.class, ApplicationUser.class})
@ComponentScan(
        basePackageClasses = SecretCipher.class,
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = ".*\\.(SecretCipher|KeyEncryptionKeySource|SigningKeyStore|StoredSecretsCheck)"))
// two-factor credentials brought over (authenticator keys, recovery codes) are stored as twofactor/ stores its own
@ComponentScan(
        basePackageClasses = ImportedTwoFactor.class,
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = ".*\\.twofactor\\.(ImportedTwoFactor|AuthenticatorKeys|RecoveryCodes)"))
class ImportApplication {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FlywayMigrationStrategy onlyCheckTheTargetIsMigrated() {
        return flyway -> {
            int pending = flyway.info().pending().length;
            if (pending > 0) {
                throw new ImportFailure("The target database is not migrated (" + pending + " migration(s) pending):"
                        + " start the server once with the same database settings, then run the import again");
            }
        };
    }
}
