package com.example.authserver.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.UniqueConstraintSchemaUpdateStrategy;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;

/**
 * What the JPA model has that a migrated database lacks, as the statements that add it (written by
 * Hibernate's schema migrator, for the database's dialect and with the application's naming), and what
 * differs the other way, as warnings: the migrator only adds, so a rename, a removed property or a changed
 * type is for the user to write by hand.
 * <p>
 * Only tables that an entity maps are compared: the tables Flyway owns alone (the authorization server's,
 * the sessions', the schema history) are none of the model's business.
 */
record SchemaChanges(List<String> statements, List<String> warnings) {

    /** What the script may hold: new tables, indexes and sequences, new columns and constraints. */
    private static final Pattern ADDS = Pattern.compile("(?is)^\\s*(?:create\\s|alter\\s+table\\s.*?\\sadd\\s)");

    /** An added column that existing rows cannot leave empty: groups 1 and 2 are the table and the column. */
    private static final Pattern NOT_NULL_COLUMN = Pattern.compile(
            "(?is)^\\s*alter\\s+table\\s+(?:if\\s+exists\\s+)?(\\S+)\\s+add\\s+(?:column\\s+)?(\\S+)\\s.*\\snot\\s+null");

    /**
     * Hibernate changes a column's type or length wherever the model's differs, lengths the model never
     * declared included (every varchar(256) it maps without a length would become varchar(255)); the
     * differences that matter are warnings instead ({@link ColumnTypeWarnings}).
     */
    private static final Pattern CHANGES_COLUMN_TYPE =
            Pattern.compile("(?is)^\\s*alter\\s+table\\s.*?\\s(?:alter|modify)\\s");

    /**
     * @param hibernateSettings the application's {@code hibernate.*} settings (naming strategies above all)
     * @param entityPackage the package whose entities the application maps, with its subpackages
     */
    static SchemaChanges between(DataSource database, Map<String, Object> hibernateSettings, String entityPackage) {
        Map<String, Object> settings = new HashMap<>(hibernateSettings);
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
        settings.put(AvailableSettings.HBM2DDL_DELIMITER, ";");
        settings.put(AvailableSettings.FORMAT_SQL, true);
        // unique keys are compared by name: create the missing ones, never drop one
        settings.put(
                AvailableSettings.UNIQUE_CONSTRAINT_SCHEMA_UPDATE_STRATEGY,
                UniqueConstraintSchemaUpdateStrategy.RECREATE_QUIETLY.name());
        StandardServiceRegistry registry =
                new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            new PersistenceManagedTypesScanner(new DefaultResourceLoader())
                    .scan(entityPackage)
                    .getManagedClassNames()
                    .forEach(sources::addAnnotatedClassName);
            Metadata metadata = sources.buildMetadata();
            SchemaManagementTool tool = registry.requireService(SchemaManagementTool.class);
            ExecutionOptions options =
                    SchemaManagementToolCoordinator.buildExecutionOptions(settings, ExceptionHandlerHaltImpl.INSTANCE);
            List<String> migration = new ArrayList<>();
            tool.getSchemaMigrator(settings)
                    .doMigration(metadata, options, ContributableMatcher.ALL, new ScriptOf(migration));
            List<String> warnings = new ArrayList<>(ColumnTypeWarnings.collect(tool, metadata, options));
            warnings.addAll(unmappedColumns(database, metadata));
            List<String> statements = onlyAdditions(migration, warnings);
            return new SchemaChanges(List.copyOf(statements), List.copyOf(warnings));
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /**
     * The statements that add something; a warning for each added not-null column without a default, and for
     * any other statement but a column type change (those are {@link ColumnTypeWarnings}' business).
     */
    private static List<String> onlyAdditions(List<String> migration, List<String> warnings) {
        List<String> statements = new ArrayList<>();
        for (String statement : migration) {
            if (ADDS.matcher(statement).find()) {
                statements.add(statement);
                Matcher notNull = NOT_NULL_COLUMN.matcher(statement);
                if (notNull.find() && !statement.toLowerCase(Locale.ROOT).contains(" default ")) {
                    warnings.add("The script adds " + notNull.group(2) + " to " + notNull.group(1)
                            + " as not null without a default: on a database with rows, give it a default "
                            + "(add \"default ...\" before \"not null\") or fill it in the same script");
                }
            } else if (!CHANGES_COLUMN_TYPE.matcher(statement).find()) {
                warnings.add("Hibernate would also run this, which may lose data: " + oneLine(statement));
            }
        }
        return statements;
    }

    /** The tables the statements create or change, in the order they first appear. */
    Set<String> tables() {
        Set<String> tables = new LinkedHashSet<>();
        Pattern table = Pattern.compile("(?i)\\b(?:table\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?|index\\s+\\S+\\s+on\\s+)"
                + "[\"`]?([A-Za-z0-9_$.]+)");
        statements.forEach(statement -> {
            Matcher matcher = table.matcher(statement);
            while (matcher.find()) {
                String name = matcher.group(1);
                tables.add(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            }
        });
        return tables;
    }

    /**
     * Columns of mapped tables that no property maps: a property renamed or removed (the script adds the new
     * name and drops nothing), or a column kept on purpose. A not-null one without a default breaks inserts.
     */
    private static List<String> unmappedColumns(DataSource database, Metadata metadata) {
        List<String> warnings = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (Table table : metadata.collectTableMappings()) {
                if (!table.isPhysicalTable()) {
                    continue;
                }
                Set<String> mapped = new TreeSet<>();
                table.getColumns().forEach(column -> mapped.add(column.getName().toLowerCase(Locale.ROOT)));
                Map<String, Boolean> existing = columnsOf(connection, meta, table.getName());
                existing.forEach((column, notNullWithoutDefault) -> {
                    if (!mapped.contains(column)) {
                        warnings.add(table.getName() + "." + column + " is in the database but no property maps "
                                + "it: if you renamed or removed a property, write the rename or drop yourself "
                                + "(this script never drops anything)"
                                + (notNullWithoutDefault
                                        ? "; it is not null without a default, so inserting a " + table.getName()
                                                + " row fails until you do"
                                        : ""));
                    }
                });
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not read the database's columns: " + ex.getMessage(), ex);
        }
        return warnings;
    }

    /** The table's columns (lower case), each with whether it is not null and has no default. */
    private static Map<String, Boolean> columnsOf(Connection connection, DatabaseMetaData meta, String table)
            throws SQLException {
        String name = meta.storesUpperCaseIdentifiers()
                ? table.toUpperCase(Locale.ROOT)
                : meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        Map<String, Boolean> columns = new LinkedHashMap<>();
        try (ResultSet rows = meta.getColumns(connection.getCatalog(), connection.getSchema(), name, null)) {
            while (rows.next()) {
                boolean notNull = rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
                boolean noDefault = rows.getString("COLUMN_DEF") == null
                        && !"YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT"));
                columns.put(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), notNull && noDefault);
            }
        }
        return columns;
    }

    /** Hibernate's script target, collecting the statements instead of writing a file. */
    private record ScriptOf(List<String> statements) implements TargetDescriptor, ScriptTargetOutput {

        @Override
        public EnumSet<TargetType> getTargetTypes() {
            return EnumSet.of(TargetType.SCRIPT);
        }

        @Override
        public ScriptTargetOutput getScriptTargetOutput() {
            return this;
        }

        @Override
        public void prepare() {}

        @Override
        public void accept(String command) {
            statements.add(command.strip().replaceAll("[ \t]+\n", "\n"));
        }

        @Override
        public void release() {}
    }

    private static String oneLine(String statement) {
        return statement.replaceAll("\\s+", " ");
    }
}
