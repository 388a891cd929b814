package com.example.authserver.schema;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.extract.spi.ColumnInformation;
import org.hibernate.tool.schema.extract.spi.SequenceInformation;
import org.hibernate.tool.schema.extract.spi.TableInformation;
import org.hibernate.tool.schema.internal.GroupedSchemaValidatorImpl;
import org.hibernate.tool.schema.internal.HibernateSchemaManagementTool;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementTool;

/**
 * Columns that exist on both sides with a type the model does not accept, a length other than the one the
 * model declares, or null allowed where the model declares it never null. Hibernate's own validator decides what a matching type is (the one that checks
 * the schema at start-up); here it notes every difference instead of stopping at the first, and leaves what
 * is missing (tables, columns, sequences) to the script.
 */
final class ColumnTypeWarnings extends GroupedSchemaValidatorImpl {

    private final List<String> warnings = new ArrayList<>();

    private ColumnTypeWarnings(HibernateSchemaManagementTool tool) {
        super(tool, SchemaFilter.ALL);
    }

    static List<String> collect(SchemaManagementTool tool, Metadata metadata, ExecutionOptions options) {
        ColumnTypeWarnings validator = new ColumnTypeWarnings((HibernateSchemaManagementTool) tool);
        validator.doValidation(metadata, options, ContributableMatcher.ALL);
        return validator.warnings;
    }

    @Override
    protected void validateTable(
            Table table, TableInformation existing, Metadata metadata, ExecutionOptions options, Dialect dialect) {
        if (existing == null) {
            return;
        }
        for (Column column : table.getColumns()) {
            ColumnInformation found = existing.getColumn(Identifier.toIdentifier(column.getQuotedName()));
            if (found == null) {
                continue;
            }
            String where = table.getName() + "." + column.getName();
            try {
                validateColumnType(table, column, found, metadata, dialect);
            } catch (SchemaManagementException ex) {
                warnings.add(where + " is " + found.getTypeName() + " in the database, the model wants "
                        + column.getSqlType(metadata) + ": change the type yourself (how to convert the "
                        + "existing values is yours to decide)");
            }
            Long length = column.getLength();
            if (length != null && isText(found) && found.getColumnSize() != length) {
                warnings.add(where + " holds " + found.getColumnSize() + " characters in the database, the model "
                        + "says " + length + ": change the length yourself");
            }
            if (!column.isNullable() && Boolean.TRUE.equals(found.getNullable()) && !inPrimaryKey(table, column)) {
                warnings.add(where + " may be null in the database, but the model never leaves it empty: add "
                        + "the not-null constraint yourself, once no row holds null");
            }
        }
    }

    private static boolean isText(ColumnInformation column) {
        return switch (column.getTypeCode()) {
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR -> true;
            default -> false;
        };
    }

    private static boolean inPrimaryKey(Table table, Column column) {
        return table.getPrimaryKey() != null && table.getPrimaryKey().containsColumn(column);
    }

    @Override
    protected void validateSequence(Sequence sequence, SequenceInformation existing) {
        // a missing sequence is in the script
    }
}
