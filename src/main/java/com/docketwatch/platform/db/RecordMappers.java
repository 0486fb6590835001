package com.docketwatch.platform.db;

import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Rows to the service's records, by JDBI's {@link ConstructorMapper} (columns matched to the record's
 * components by name), for every record type of the service: registered once on the {@code Jdbi}.
 *
 * <p>A {@code ConstructorMapper} matches columns to parameters and looks up a column mapper for each
 * one on every query, the largest share of a simple read's CPU (docs/benchmarks.md); here that work is kept per list of
 * column labels, which a given statement always returns the same.
 */
public final class RecordMappers implements RowMapperFactory {
    private final Map<Class<?>, RowMapper<?>> mappers = new ConcurrentHashMap<>();

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        if (!(type instanceof Class<?> c) || !c.isRecord() || !c.getName().startsWith("com.docketwatch.")) {
            return Optional.empty();
        }
        return Optional.of(mappers.computeIfAbsent(c, r -> new ByColumns<>(ConstructorMapper.of(r))));
    }

    private static final class ByColumns<T> implements RowMapper<T> {
        private final RowMapper<T> mapper;
        private final Map<List<String>, RowMapper<T>> specialised = new ConcurrentHashMap<>();

        ByColumns(RowMapper<T> mapper) {
            this.mapper = mapper;
        }

        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            RowMapper<T> known = specialised.get(columns);
            if (known == null) {
                known = mapper.specialize(rs, ctx);
                specialised.putIfAbsent(columns, known);
            }
            return known;
        }
    }
}
