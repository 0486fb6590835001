package com.docketwatch.support;

import com.docketwatch.DocketWatchConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Direct, read-only looks at the database of the service under test (plain JDBC, no service code). */
public final class Db {
    /** Every table of the schema, so "nothing changed" means nothing changed anywhere. */
    public static final List<String> TABLES = List.of(
            "api_keys",
            "courts",
            "cases",
            "case_relations",
            "parties",
            "party_names",
            "counsel",
            "filings",
            "filing_keys",
            "claims",
            "claim_defendants",
            "claim_history",
            "status_changes",
            "hearings",
            "hearing_history",
            "events",
            "idempotency_keys");

    private final String url;

    private Db(String url) {
        this.url = url;
    }

    public static Db of(DropwizardAppExtension<DocketWatchConfiguration> app) {
        return new Db(app.getConfiguration().getDatabase().getUrl());
    }

    /** Row counts of every table, the latest change of cases, claims and hearings, revoked keys and the highest event id, as one comparable snapshot. */
    public Map<String, Long> snapshot() {
        StringBuilder sql = new StringBuilder("select ");
        for (String table : TABLES) {
            sql.append("(select count(*) from ")
                    .append(table)
                    .append(") as \"")
                    .append(table)
                    .append("\", ");
        }
        for (String table : List.of("cases", "claims", "hearings")) {
            sql.append("(select coalesce((extract(epoch from max(updated_at)) * 1000000)::bigint, 0) from ")
                    .append(table)
                    .append(") as \"max(")
                    .append(table)
                    .append(".updated_at)\", ");
        }
        sql.append("(select count(*) from api_keys where revoked_at is not null) as \"revoked keys\", ")
                .append("(select coalesce(max(id), 0) from events) as \"max(events.id)\"");
        Map<String, Long> out = new LinkedHashMap<>();
        rows(sql.toString()).get(0).forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }

    /** The single number a query answers. */
    public long count(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        Object v = rows.get(0).values().iterator().next();
        return ((Number) v).longValue();
    }

    /** A connection of its own to the service's database, for a caller that runs many statements (it closes it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Runs a statement that changes rows (a test staging a state the API cannot reach, such as a crash). */
    public int update(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql, e);
        }
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }
}
