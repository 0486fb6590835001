package com.docketwatch.platform.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;

/**
 * Where the data lives: an external PostgreSQL when {@code url} is set, otherwise an embedded
 * PostgreSQL 17 whose files are kept under {@code dataDir}.
 */
public class DatabaseConfig {
    private String url;
    private String user;
    private String password;
    private String dataDir = "./data";

    @Min(0)
    @Max(65535)
    private int embeddedPort = 0;

    @Min(2)
    private int maxConnections = 32;

    public boolean isEmbedded() {
        return url == null || url.isBlank();
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
}
