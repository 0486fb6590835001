package com.docketwatch.platform.web;

import com.docketwatch.platform.errors.ProblemErrorHandler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/** What the service changes in Jetty itself before it starts, for errors raised before the application sees a request. */
public final class JettyCustomizer implements LifeCycle.Listener {
    @Override
    public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server server) {
            server.setErrorHandler(new ProblemErrorHandler());
            // Jetty's per-connection header cache matches values ignoring case by default: a request whose
            // Authorization differed from an earlier one on the same connection only in letter case was
            // authenticated with the earlier request's key.
            for (HttpConnectionFactory http : server.getContainedBeans(HttpConnectionFactory.class)) {
                http.getHttpConfiguration().setHeaderCacheCaseSensitive(true);
            }
        }
    }
}
