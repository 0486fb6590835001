package com.docketwatch.platform.db;

import com.docketwatch.platform.Text;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.ManagedPooledDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the service runs on: the external server named by {@code database.url}, or the
 * embedded one started here, and the streaming replica named by {@code database.readUrl} when there is
 * one ({@link ReadReplica}). Owns the schema migrations (Flyway, from the top-level
 * {@code migrations/} folder shipped in the jar as {@code db/migration}).
 */
public final class Database implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String url;
    private final String user;
    private final String password;
    private final int maxConnections;
    private final DatabaseConfig config;
    private final StatementTimeouts timeouts;
    private final EmbeddedPostgresServer embedded;
    private ManagedDataSource dataSource;

    private Database(String url, String user, String password, DatabaseConfig config, EmbeddedPostgresServer embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.maxConnections = config.getMaxConnections();
        this.config = config;
        this.timeouts = new StatementTimeouts(config.getStatementTimeout(), config.getBackgroundStatementTimeout());
        this.embedded = embedded;
    }

    /** Connects to the configured server, starting the embedded one when no URL is configured. */
    public static Database open(DatabaseConfig config) {
        if (config.isEmbedded()) {
            EmbeddedPostgresServer server =
                    EmbeddedPostgresServer.start(config.dataDirPath(), config.getEmbeddedPort());
            return new Database(server.jdbcUrl(), server.user(), server.password(), config, server);
        }
        LOG.info("Using external PostgreSQL at {}", config.getUrl().replaceAll("password=[^&]*", "password=***"));
        return new Database(
                config.getUrl(),
                Text.blankToNull(config.getUser()),
                Text.blankToNull(config.getPassword()),
                config,
                null);
    }

    public MigrateResult migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                // A schema with migrations this build does not know is refused rather than used.
                .ignoreMigrationPatterns("")
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(
                "Schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion == null ? flyway.info().current().getVersion() : result.targetSchemaVersion,
                result.migrationsExecuted);
        return result;
    }

    private DataSourceFactory dataSourceFactory() {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(url);
        if (user != null) {
            factory.setUser(user);
        }
        if (password != null) {
            factory.setPassword(password);
        }
        factory.setMinSize(2);
        factory.setInitialSize(2);
        factory.setMaxSize(maxConnections);
        factory.setValidationQuery("/* DocketWatch health check */ select 1");
        // A connection keeps what it prepared (statements, their plans, the partitions' catalog entries) until
        // it closes: renewed every hour, what searches prepared for last month's partition bounds goes with it.
        factory.setMaxConnectionAge(io.dropwizard.util.Duration.hours(1));
        // Dropwizard's "auto comments" prefix each statement with its DAO method through a template
        // engine that re-lexes the SQL on every execution (docs/benchmarks.md); JDBI's own
        // engine parses each statement once.
        factory.setAutoCommentsEnabled(false);
        // reWriteBatchedInserts: JDBI batches of INSERTs (a docket import) travel as multi-row INSERTs.
        factory.setProperties(Map.of("ApplicationName", "docketwatch", "reWriteBatchedInserts", "true"));
        return factory;
    }

    /**
     * The pooled connections and the {@code Jdbi} on them, built the same way for the server and the
     * command-line tools (metrics, a health check, the record mappers and the DAOs' metadata), with the
     * time limit of each statement ({@link StatementTimeouts}: the filter marking API requests is
     * registered here too).
     */
    public Jdbi jdbi(Environment env) {
        DataSourceFactory factory = dataSourceFactory();
        dataSource = factory.build(env.metrics(), "postgresql");
        ManagedDataSource connections = config.hasReadReplica() ? withReadReplica(env) : dataSource;
        Jdbi jdbi = new JdbiFactory().build(env, factory, connections, "postgresql");
        jdbi.addCustomizer(timeouts);
        env.servlets()
                .addFilter("statement-timeouts", timeouts.requestFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        return Daos.configure(jdbi);
    }

    /**
     * The replica's pool (same user and password; sessions read-only, so a write sent there by mistake
     * fails instead of diverging; no connection opened before the first read, so a replica down at start-up
     * does not stop the service), the check of its lag, and the routing of eligible API reads to it.
     */
    private ManagedDataSource withReadReplica(Environment env) {
        LOG.info(
                "Reads that tolerate {} of lag go to the replica at {}",
                config.getMaxReplicaLag(),
                config.getReadUrl().replaceAll("password=[^&]*", "password=***"));
        DataSourceFactory factory = readOnly(dataSourceFactory(), config.getReadUrl());
        ManagedPooledDataSource replicaPool =
                (ManagedPooledDataSource) factory.build(env.metrics(), "postgresql-replica");
        ReadReplica replica = new ReadReplica(dataSource, replicaPool, config, env.metrics());
        ReplicaRouting routing = new ReplicaRouting(dataSource, replicaPool, replica);
        env.lifecycle().manage(replica);
        env.healthChecks().register("database-replica", replica.health());
        env.jersey().register(routing.feature());
        env.servlets()
                .addFilter("replica-routing", routing.requestFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        return routing;
    }

    /** {@code base} made the replica's: its URL, no connection before the first use, read-only sessions. */
    static DataSourceFactory readOnly(DataSourceFactory base, String readUrl) {
        base.setUrl(readUrl);
        base.setInitialSize(0);
        base.setMinSize(0);
        Map<String, String> properties = new HashMap<>(base.getProperties());
        properties.put("ApplicationName", "docketwatch-replica");
        properties.put("options", "-c default_transaction_read_only=on");
        base.setProperties(properties);
        return base;
    }

    /** The statement time limits (for work done for a request off its thread). */
    public StatementTimeouts timeouts() {
        return timeouts;
    }

    /** The pool {@link #jdbi} built (Quartz shares it). */
    public DataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException("jdbi(env) builds the pool first");
        }
        return dataSource;
    }

    public String url() {
        return url;
    }

    /** A connection of its own, outside the pool (for LISTEN, which holds its connection for good). */
    public java.sql.Connection connect(String applicationName) throws java.sql.SQLException {
        java.util.Properties props = new java.util.Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", applicationName);
        return java.sql.DriverManager.getConnection(url, props);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void start() {
        if (embedded != null) {
            embedded.stopWithOwner();
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
