package com.docketwatch.platform.db;

import com.docketwatch.auth.Caller;
import io.dropwizard.db.ManagedDataSource;
import jakarta.annotation.Priority;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The pool a connection comes from. The primary's, unless the current thread serves an API request that
 * {@link ReplicaReadFilter} found eligible: a {@link ReplicaRead} GET whose key {@link ReadReplica#mayServe
 * may read the replica}. So writes, the outbox and delivery workers, Quartz, long polls and every other
 * background thread use the primary without knowing a replica exists. When the replica refuses a
 * connection, the request reads the primary instead.
 *
 * <p>{@link #requestFilter()} gives each {@code /api/*} request its scope on the serving thread and, when
 * the request was a key's write, tells {@link ReadReplica} after its answer is written; {@link #feature()}
 * marks the scope from the Jersey resource method (authentication has run by then).
 */
final class ReplicaRouting implements ManagedDataSource {
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ManagedDataSource primary;
    private final ManagedDataSource replica;
    private final ReadReplica state;

    /** One API request: whether it reads the replica, and the key whose write it is. */
    private static final class Scope {
        boolean replica;
        Long writer;
    }

    ReplicaRouting(ManagedDataSource primary, ManagedDataSource replica, ReadReplica state) {
        this.primary = primary;
        this.replica = replica;
        this.state = state;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Scope scope = CURRENT.get();
        if (scope != null && scope.replica) {
            try {
                return replica.getConnection();
            } catch (SQLException e) {
                state.unreachable(e);
                scope.replica = false;
            }
        }
        return primary.getConnection();
    }

    Filter requestFilter() {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                    throws IOException, ServletException {
                Scope scope = new Scope();
                CURRENT.set(scope);
                try {
                    chain.doFilter(req, res);
                } finally {
                    CURRENT.remove();
                    if (scope.writer != null) {
                        state.writeEnded(scope.writer);
                    }
                }
            }
        };
    }

    /** Registers {@link ReplicaReadFilter} on {@link ReplicaRead} methods, {@link WriteFilter} on writes. */
    DynamicFeature feature() {
        return new DynamicFeature() {
            @Override
            public void configure(ResourceInfo info, FeatureContext context) {
                Method method = info.getResourceMethod();
                if (method.isAnnotationPresent(ReplicaRead.class)) {
                    context.register(new ReplicaReadFilter(state));
                } else if (writes(method)) {
                    context.register(new WriteFilter(state));
                }
            }
        };
    }

    private static boolean writes(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null && !READS.contains(http.value())) {
                return true;
            }
        }
        return false;
    }

    /** After authentication: the caller's key decides whether this read may use the replica. */
    @Priority(Priorities.USER)
    static final class ReplicaReadFilter implements ContainerRequestFilter {
        private final ReadReplica state;

        ReplicaReadFilter(ReadReplica state) {
            this.state = state;
        }

        @Override
        public void filter(ContainerRequestContext ctx) {
            Scope scope = CURRENT.get();
            if (scope != null && ctx.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
                scope.replica = state.mayServe(caller.keyId());
            }
        }
    }

    /** Right after authentication, before anything is written (idempotency keys included). */
    @Priority(Priorities.AUTHENTICATION + 600)
    static final class WriteFilter implements ContainerRequestFilter {
        private final ReadReplica state;

        WriteFilter(ReadReplica state) {
            this.state = state;
        }

        @Override
        public void filter(ContainerRequestContext ctx) {
            Scope scope = CURRENT.get();
            if (scope != null
                    && scope.writer == null
                    && ctx.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
                state.writeStarted(caller.keyId());
                scope.writer = caller.keyId();
            }
        }
    }

    @Override
    public void start() throws Exception {
        primary.start();
        replica.start();
    }

    @Override
    public void stop() throws Exception {
        try {
            replica.stop();
        } finally {
            primary.stop();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return primary.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return primary.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return primary.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return primary.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return primary.isWrapperFor(iface);
    }
}
