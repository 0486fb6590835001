package com.docketwatch.platform.db;

import com.docketwatch.DocketWatchConfiguration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code java -jar docketwatch.jar migrate config.yml}: applies the schema migrations and exits. */
public class MigrateCommand extends ConfiguredCommand<DocketWatchConfiguration> {
    public MigrateCommand() {
        super("migrate", "Applies the database migrations in migrations/ and exits");
    }

    @Override
    protected void run(
            Bootstrap<DocketWatchConfiguration> bootstrap, Namespace namespace, DocketWatchConfiguration config) {
        Database database = Database.open(config.getDatabase());
        try {
            var result = database.migrate();
            System.out.println("Applied " + result.migrationsExecuted + " migration(s); schema is at version "
                    + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
        } finally {
            database.stop();
        }
    }
}
