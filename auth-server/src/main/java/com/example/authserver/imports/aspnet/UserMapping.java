package com.example.authserver.imports.aspnet;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityUser;
import com.example.authserver.imports.ImportFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * The mapping file of an ASP.NET Identity import: which extra {@code AspNetUsers} columns (those of the .NET
 * project's own {@code ApplicationUser}, for example {@code FirstName}) become which property of this server's
 * {@link ApplicationUser} ({@code FirstName=givenName}), and which external login provider names of .NET become which
 * provider registration ids here ({@code login-provider.Google=google}), and which source roles join which local
 * role ({@code role.Admin=admin}). The default, commented, is
 * {@code imports/aspnet-identity-mapping.properties} on the classpath; {@code --mapping=path} gives another. A
 * property that ApplicationUser does not have, or one of the standard columns the import maps itself, fails the
 * import naming it; so does a column AspNetUsers does not have (checked against the source, see SourceReader).
 */
final class UserMapping {

    static final String DEFAULT = "imports/aspnet-identity-mapping.properties";

    private static final String PROVIDER_PREFIX = "login-provider.";

    private static final String ROLE_PREFIX = "role.";

    private final SortedMap<String, String> columns;

    private final Map<String, String> providers;

    private final Map<String, String> roles;

    private UserMapping(SortedMap<String, String> columns, Map<String, String> providers, Map<String, String> roles) {
        this.columns = columns;
        this.providers = providers;
        this.roles = roles;
    }

    static UserMapping load(Optional<String> path) {
        Properties properties = new Properties();
        String name = path.orElse("classpath:" + DEFAULT);
        try (InputStream in = path.isPresent()
                        ? Files.newInputStream(Path.of(path.get()))
                        : new ClassPathResource(DEFAULT).getInputStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException ex) {
            throw new ImportFailure("Could not read the mapping file " + name + ": " + ex.getMessage());
        }
        SortedMap<String, String> columns = new TreeMap<>();
        Map<String, String> providers = new TreeMap<>();
        Map<String, String> roles = new TreeMap<>();
        BeanWrapper probe = new BeanWrapperImpl(ApplicationUser.class);
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            if (key.startsWith(PROVIDER_PREFIX)) {
                providers.put(key.substring(PROVIDER_PREFIX.length()), value);
                continue;
            }
            if (key.startsWith(ROLE_PREFIX)) {
                if (value.isEmpty() || value.length() > 256) {
                    throw new ImportFailure("Mapping file " + name + ": " + key + " names no local role");
                }
                roles.put(key.substring(ROLE_PREFIX.length()), value);
                continue;
            }
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ImportFailure("Mapping file " + name + ": '" + key + "' is not a column name");
            }
            if (!probe.isWritableProperty(value)
                    || BeanUtils.getPropertyDescriptor(IdentityUser.class, value) != null) {
                throw new ImportFailure("Mapping file " + name + ": ApplicationUser has no property '" + value
                        + "' that a mapping may set (" + key + "=" + value + ")");
            }
            columns.put(key, value);
        }
        return new UserMapping(columns, providers, roles);
    }

    /** The extra AspNetUsers columns to read. */
    Set<String> sourceColumns() {
        return columns.keySet();
    }

    /** Sets the mapped properties on the user; the message of the first value that does not fit, or null. */
    String apply(ApplicationUser user, Map<String, String> values) {
        BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(user);
        for (Map.Entry<String, String> column : columns.entrySet()) {
            try {
                wrapper.setPropertyValue(column.getValue(), values.get(column.getKey()));
            } catch (BeansException ex) {
                return column.getKey() + " '" + values.get(column.getKey()) + "' does not fit " + column.getValue();
            }
        }
        return null;
    }

    /**
     * The local role a source role joins by an explicit {@code role.<source name>=<local name>} line, if any: the
     * only way a source role joins this server's {@code admin} role or a role made here (see RoleImport).
     */
    Optional<String> role(String sourceName) {
        return Optional.ofNullable(roles.get(sourceName));
    }

    /** The provider registration id here for a .NET login provider name: as the mapping renames it, else the same. */
    String provider(String dotNetName) {
        return providers.getOrDefault(dotNetName, dotNetName);
    }
}
