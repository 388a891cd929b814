package com.example.authserver.scim;

import com.example.authserver.identity.IdentityUser;
import java.beans.PropertyDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.BeanUtils;

/**
 * A user property served in a SCIM schema extension: the store's own columns SCIM's core schema has no place for
 * ({@code emailConfirmed}, {@code lockoutEnd}, ...) and every property a team adds to {@code ApplicationUser}, found
 * by reflection so that a new property shows up in {@code /Schemas} and in the users without SCIM code changes.
 * Properties named as in the enterprise extension ({@code employeeNumber}, {@code department}, ...) go there.
 *
 * @param name the SCIM attribute name, also the entity's property (and JPA attribute) name
 * @param kind how its values are written in JSON and compared in filters
 * @param writable whether SCIM may set it
 * @param schema the extension's URN
 */
record ExtensionProperty(String name, Kind kind, boolean writable, String schema) {

    static final String AUTHFORGE_USER = "urn:ietf:params:scim:schemas:extension:authforge:2.0:User";

    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** RFC 7643 section 4.3's simple attributes (manager, a complex one, is not mapped). */
    private static final Set<String> ENTERPRISE_NAMES =
            Set.of("employeeNumber", "costCenter", "organization", "division", "department");

    /** The ApplicationUser properties that are core attributes: {@code name.*} and {@code active}. */
    private static final Set<String> CORE = Set.of("givenName", "familyName", "enabled");

    enum Kind {
        STRING,
        BOOLEAN,
        INTEGER,
        DATETIME
    }

    /** The extension properties of a user class: the store's fixed ones, then the class's own, in name order. */
    static List<ExtensionProperty> of(Class<?> userClass) {
        List<ExtensionProperty> properties = new ArrayList<>(List.of(
                new ExtensionProperty("emailConfirmed", Kind.BOOLEAN, true, AUTHFORGE_USER),
                new ExtensionProperty("phoneNumberConfirmed", Kind.BOOLEAN, true, AUTHFORGE_USER),
                new ExtensionProperty("twoFactorEnabled", Kind.BOOLEAN, false, AUTHFORGE_USER),
                new ExtensionProperty("lockoutEnd", Kind.DATETIME, false, AUTHFORGE_USER)));
        PropertyDescriptor[] descriptors = BeanUtils.getPropertyDescriptors(userClass);
        Arrays.sort(descriptors, Comparator.comparing(PropertyDescriptor::getName));
        for (PropertyDescriptor descriptor : descriptors) {
            if (descriptor.getReadMethod() == null
                    || CORE.contains(descriptor.getName())
                    || !declaredBelowIdentityUser(descriptor.getReadMethod().getDeclaringClass())) {
                continue;
            }
            Kind kind = kindOf(descriptor.getPropertyType());
            if (kind == null) {
                continue;
            }
            String schema = ENTERPRISE_NAMES.contains(descriptor.getName()) ? ENTERPRISE_USER : AUTHFORGE_USER;
            properties.add(
                    new ExtensionProperty(descriptor.getName(), kind, descriptor.getWriteMethod() != null, schema));
        }
        return List.copyOf(properties);
    }

    /** A property of ApplicationUser or of a subclass: IdentityUser's columns are mapped explicitly above. */
    private static boolean declaredBelowIdentityUser(Class<?> declaring) {
        return IdentityUser.class.isAssignableFrom(declaring) && declaring != IdentityUser.class;
    }

    private static Kind kindOf(Class<?> type) {
        if (type == String.class) {
            return Kind.STRING;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Kind.INTEGER;
        }
        if (type == Instant.class) {
            return Kind.DATETIME;
        }
        return null;
    }

    /** The attribute's full path, as filters and {@code attributes} name it. */
    String path() {
        return schema + ":" + name;
    }
}
