package com.docketwatch.platform.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Where the data lives: an external PostgreSQL when {@code url} is set, otherwise an embedded
 * PostgreSQL 17 whose files are kept under {@code dataDir}; and, when {@code readUrl} is set, the
 * streaming replica that serves the reads that tolerate a little lag ({@link ReadReplica}).
 */
public class DatabaseConfig {
    private String url;
    private String user;
    private String password;
    private String dataDir = "./data";
    private String readUrl;

    /** Reads go back to the primary while the replica is further behind than this (or unreachable). */
    @NotNull
    @DurationMin(millis = 1)
    private Duration maxReplicaLag = Duration.ofSeconds(5);

    /** How often the replica's replay position is compared with the primary's WAL position. */
    @NotNull
    @DurationMin(millis = 10)
    private Duration replicaCheckInterval = Duration.ofMillis(100);

    @Min(0)
    @Max(65535)
    private int embeddedPort = 0;

    @Min(2)
    private int maxConnections = 32;

    /** The longest one SQL statement of an API request may run (then: 503 with Retry-After); PT0S: no limit. */
    @NotNull
    @DurationMin(seconds = 0)
    private Duration statementTimeout = Duration.ofSeconds(5);

    /** The same for docket imports, scheduled jobs, delivery workers and commands; PT0S: no limit. */
    @NotNull
    @DurationMin(seconds = 0)
    private Duration backgroundStatementTimeout = Duration.ofMinutes(10);

    public boolean isEmbedded() {
        return url == null || url.isBlank();
    }

    /** True when a read replica is configured. */
    public boolean hasReadReplica() {
        return readUrl != null && !readUrl.isBlank();
    }

    public Path dataDirPath() {
        return Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir)
                .toAbsolutePath()
                .normalize();
    }

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public String getUser() {
        return user;
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    @JsonProperty
    public String getReadUrl() {
        return readUrl;
    }

    @JsonProperty
    public void setReadUrl(String readUrl) {
        this.readUrl = readUrl;
    }

    @JsonProperty
    public Duration getMaxReplicaLag() {
        return maxReplicaLag;
    }

    @JsonProperty
    public void setMaxReplicaLag(Duration maxReplicaLag) {
        this.maxReplicaLag = maxReplicaLag;
    }

    @JsonProperty
    public Duration getReplicaCheckInterval() {
        return replicaCheckInterval;
    }

    @JsonProperty
    public void setReplicaCheckInterval(Duration replicaCheckInterval) {
        this.replicaCheckInterval = replicaCheckInterval;
    }

    @JsonProperty
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @JsonProperty
    public int getEmbeddedPort() {
        return embeddedPort;
    }

    @JsonProperty
    public void setEmbeddedPort(int embeddedPort) {
        this.embeddedPort = embeddedPort;
    }

    @JsonProperty
    public int getMaxConnections() {
        return maxConnections;
    }

    @JsonProperty
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @JsonProperty
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    @JsonProperty
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @JsonProperty
    public Duration getBackgroundStatementTimeout() {
        return backgroundStatementTimeout;
    }

    @JsonProperty
    public void setBackgroundStatementTimeout(Duration backgroundStatementTimeout) {
        this.backgroundStatementTimeout = backgroundStatementTimeout;
    }
}
