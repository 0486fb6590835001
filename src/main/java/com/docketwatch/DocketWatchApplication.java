package com.docketwatch;

import com.docketwatch.alerts.AlertsFeature;
import com.docketwatch.alerts.delivery.DeliveryWorker;
import com.docketwatch.auth.AuthFeature;
import com.docketwatch.auth.KeyService;
import com.docketwatch.cases.CaseResource;
import com.docketwatch.cases.CaseService;
import com.docketwatch.cases.StatusService;
import com.docketwatch.claims.ClaimResource;
import com.docketwatch.claims.ClaimService;
import com.docketwatch.courts.CourtResource;
import com.docketwatch.demo.DemoCommand;
import com.docketwatch.demo.DemoData;
import com.docketwatch.dockettext.DocketCalendar;
import com.docketwatch.dockettext.DocketTextFeature;
import com.docketwatch.events.Events;
import com.docketwatch.events.EventsFeature;
import com.docketwatch.filings.FilingPartitions;
import com.docketwatch.filings.FilingResource;
import com.docketwatch.filings.FilingService;
import com.docketwatch.hearings.HearingResource;
import com.docketwatch.hearings.HearingService;
import com.docketwatch.ingest.ImportCommand;
import com.docketwatch.ingest.IngestFeature;
import com.docketwatch.operations.OperationsFeature;
import com.docketwatch.outputs.OutputsFeature;
import com.docketwatch.platform.Json;
import com.docketwatch.platform.crypto.SecretBox;
import com.docketwatch.platform.db.Database;
import com.docketwatch.platform.db.MigrateCommand;
import com.docketwatch.platform.request.CachedParameterNames;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.web.WebPlatform;
import com.docketwatch.reminders.ReminderService;
import com.docketwatch.retention.Retention;
import com.docketwatch.scheduling.Jobs;
import com.docketwatch.scheduling.MaintenanceJob;
import com.docketwatch.timeline.TimelineResource;
import com.docketwatch.timeline.TimelineService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.validation.JerseyParameterNameProvider;
import io.dropwizard.jersey.validation.Validators;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** DocketWatch: court cases, docket entries, alerts and hearing reminders over REST. */
public class DocketWatchApplication extends Application<DocketWatchConfiguration> {
    private final Clock clock;

    public DocketWatchApplication() {
        this(Clock.systemUTC());
    }

    /** Tests pass a controllable clock; scheduling logic never reads the system time directly. */
    public DocketWatchApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new DocketWatchApplication().run(args);
    }

    @Override
    public String getName() {
        return "docketwatch";
    }

    @Override
    public void initialize(Bootstrap<DocketWatchConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new MigrateCommand());
        bootstrap.addCommand(new DemoCommand(this));
        bootstrap.addCommand(new ImportCommand());
        bootstrap.setValidatorFactory(Validators.newConfiguration()
                .parameterNameProvider(new CachedParameterNames(new JerseyParameterNameProvider()))
                .buildValidatorFactory());
    }

    @Override
    public void run(DocketWatchConfiguration config, Environment env) {
        ObjectMapper json = Json.configure(env.getObjectMapper());
        Database database = Database.open(config.getDatabase());
        env.lifecycle().manage(database);
        database.migrate();
        Jdbi jdbi = database.jdbi(env);
        SecretBox secrets = config.getAlerts().secretBox(config.getDatabase().dataDirPath());
        Events events = new Events(json);
        Jobs jobs = new Jobs();

        WebPlatform.install(env, jdbi, json, secrets, config.getRateLimit());
        KeyService keys = AuthFeature.install(env, jdbi, config.getAuth());
        ReminderService reminders = new ReminderService(jdbi, clock, json, config.getReminders());
        HearingService hearings = new HearingService(jdbi, clock, events, reminders);
        ClaimService claims = new ClaimService(jdbi, clock, events);
        CaseService cases = new CaseService(jdbi, clock, events, claims, hearings);
        StatusService statuses = new StatusService(jdbi, clock, events);
        DocketCalendar calendar = DocketTextFeature.install(env, jdbi, hearings);
        FilingPartitions partitions = new FilingPartitions(jdbi, clock);
        FilingService filings = new FilingService(
                jdbi, clock, events, calendar, new Cursor.Signer(secrets.derive("search cursors")), partitions);
        env.jersey().register(new CourtResource(cases));
        env.jersey().register(new CaseResource(cases, statuses));
        env.jersey().register(new FilingResource(filings));
        env.jersey().register(new ClaimResource(claims));
        env.jersey().register(new HearingResource(hearings));
        env.jersey().register(new TimelineResource(new TimelineService(jdbi, json)));
        OutputsFeature.install(env, jdbi, partitions, config.getAlerts().getMaxFeedTokensPerKey());
        IngestFeature.install(env, jdbi, clock, events, statuses, calendar, jobs, config.getCourtFeeds());
        DeliveryWorker deliveries =
                AlertsFeature.install(env, jdbi, clock, json, secrets, reminders, jobs, config.getAlerts());
        EventsFeature.install(env, jdbi, json, database, config.getEvents(), deliveries::nudge);
        Retention retention = new Retention(jdbi, clock, config.getRetention());
        jobs.cron(
                "maintenance",
                "0 17 * * * ?",
                MaintenanceJob.class,
                () -> new MaintenanceJob(jdbi, partitions, retention));
        jobs.install(env, database.dataSource(), config.getScheduling());
        OperationsFeature.install(env, jdbi, clock);

        if (config.getBootstrapAdminKey() != null) {
            keys.bootstrap(config.getBootstrapAdminKey());
        }
        if (config.isDemo()) {
            new DemoData(jdbi, cases, filings, claims, statuses, hearings).loadOnce();
        }
    }
}
