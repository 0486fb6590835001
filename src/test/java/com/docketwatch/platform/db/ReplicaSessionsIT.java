package com.docketwatch.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.codahale.metrics.MetricRegistry;
import com.docketwatch.support.TestDatabases;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The replica's pool opens read-only sessions: pointed by mistake at a server that accepts writes (the
 * primary itself, a promoted standby), a write sent through it fails instead of changing that server.
 */
class ReplicaSessionsIT {
    @Test
    void aWriteThroughTheReplicaPoolFailsEvenOnAWritableServer() throws Exception {
        String url = TestDatabases.fresh();
        DataSourceFactory base = new DataSourceFactory();
        base.setDriverClass("org.postgresql.Driver");
        ManagedDataSource pool = Database.readOnly(base, url).build(new MetricRegistry(), "replica-sessions-it");
        pool.start();
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_setting('application_name'), 1 + 1")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("docketwatch-replica");
                assertThat(rs.getInt(2)).isEqualTo(2);
            }
            SQLException refused = catchThrowableOfType(SQLException.class, () -> s.execute("create table t (x int)"));
            assertThat(refused.getSQLState()).as("read_only_sql_transaction").isEqualTo("25006");
            c.setAutoCommit(false);
            SQLException inTransaction =
                    catchThrowableOfType(SQLException.class, () -> s.executeUpdate("create table t (x int)"));
            assertThat(inTransaction.getSQLState()).isEqualTo("25006");
            c.rollback();
            c.setAutoCommit(true);
        } finally {
            pool.stop();
        }
        try (Connection c = java.sql.DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery("select to_regclass('t') is null")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("nothing was created").isTrue();
        }
    }
}
