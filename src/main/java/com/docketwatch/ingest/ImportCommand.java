package com.docketwatch.ingest;

import com.docketwatch.DocketWatchConfiguration;
import com.docketwatch.cases.StatusService;
import com.docketwatch.courtdates.CourtDateReader;
import com.docketwatch.dockettext.DocketCalendar;
import com.docketwatch.events.Events;
import com.docketwatch.hearings.HearingService;
import com.docketwatch.platform.Json;
import com.docketwatch.platform.db.Database;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.errors.FieldError;
import com.docketwatch.reminders.ReminderService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code java -jar docketwatch.jar import config.yml docket.json...}: imports dockets (juriscraper JSON)
 * straight into the database, each in its own transaction, as {@code POST /api/v1/imports} does. A
 * file may hold one docket or an array of dockets. Prints one summary line per docket; exits non-zero
 * if any docket failed (the others are still imported).
 */
public class ImportCommand extends ConfiguredCommand<DocketWatchConfiguration> {
    public ImportCommand() {
        super("import", "Imports dockets in juriscraper's parsed-PACER JSON shape (one or more files)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("files").nargs("+").help("docket JSON files");
    }

    @Override
    protected void run(
            Bootstrap<DocketWatchConfiguration> bootstrap, Namespace namespace, DocketWatchConfiguration config)
            throws Exception {
        ObjectMapper json = Json.configure(bootstrap.getObjectMapper().copy());
        Environment env = new Environment(
                bootstrap.getApplication().getName(),
                json,
                bootstrap.getValidatorFactory(),
                bootstrap.getMetricRegistry(),
                bootstrap.getClassLoader(),
                bootstrap.getHealthCheckRegistry(),
                config);
        Database database = Database.open(config.getDatabase());
        List<String> failures = new ArrayList<>();
        try {
            database.migrate();
            Jdbi jdbi = database.jdbi(env);
            Events events = new Events(json);
            Clock clock = Clock.systemUTC();
            // The same reading of court dates as POST /imports: hearings, their reminders and alerts.
            HearingService hearings = new HearingService(
                    jdbi, clock, events, new ReminderService(jdbi, clock, json, config.getReminders()));
            ImportService imports = new ImportService(
                    jdbi,
                    clock,
                    events,
                    new StatusService(jdbi, clock, events),
                    new DocketCalendar(new CourtDateReader(), hearings));
            for (String file : namespace.<String>getList("files")) {
                JsonNode root;
                try {
                    root = json.readTree(Files.newInputStream(Path.of(file)));
                } catch (Exception e) {
                    failures.add(file + ": not readable JSON: " + e.getMessage());
                    continue;
                }
                List<JsonNode> dockets = new ArrayList<>();
                if (root != null && root.isArray()) {
                    root.forEach(dockets::add);
                } else {
                    dockets.add(root);
                }
                for (int i = 0; i < dockets.size(); i++) {
                    String where = dockets.size() == 1 ? file : file + "[" + i + "]";
                    try {
                        Docket docket = json.treeToValue(dockets.get(i), Docket.class);
                        ImportService.Result r = imports.importDocket(docket);
                        System.out.println(where + ": " + json.writeValueAsString(r.summary()));
                    } catch (ApiException e) {
                        List<FieldError> errors = e.toProblem().errors();
                        failures.add(where + ": " + e.getMessage()
                                + (errors == null || errors.size() < 2
                                        ? ""
                                        : errors.stream()
                                                .map(f -> "\n  " + f.field() + ": " + f.message())
                                                .collect(Collectors.joining())));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        failures.add(where + ": " + e.getOriginalMessage());
                    }
                }
            }
        } finally {
            database.stop();
        }
        if (!failures.isEmpty()) {
            failures.forEach(System.err::println);
            throw new IllegalStateException(failures.size() + " docket(s) not imported");
        }
    }
}
