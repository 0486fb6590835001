package com.docketwatch.demo;

import com.docketwatch.DocketWatchConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code java -jar docketwatch.jar demo config.yml}: the server, with the Musk v. OpenAI cases loaded
 * at start-up if they are not there yet.
 */
public class DemoCommand extends ServerCommand<DocketWatchConfiguration> {
    public DemoCommand(Application<DocketWatchConfiguration> application) {
        super(application, "demo", "Runs the server with the Musk v. OpenAI demo cases loaded");
    }

    @Override
    protected void run(
            Bootstrap<DocketWatchConfiguration> bootstrap, Namespace namespace, DocketWatchConfiguration config)
            throws Exception {
        config.setDemo(true);
        super.run(bootstrap, namespace, config);
    }
}
