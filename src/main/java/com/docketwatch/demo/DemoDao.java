package com.docketwatch.demo;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What the demo loader asks the database before it loads through the services. */
interface DemoDao {
    /** Serialises concurrent starts on one database; released at commit. */
    @SqlUpdate("select pg_advisory_xact_lock(hashtext('docketwatch.demo'))")
    void lock();

    @SqlQuery("select exists (select 1 from cases where court_id = :court and docket_number = :docket)")
    boolean caseExists(@Bind("court") String court, @Bind("docket") String docketNumber);

    @SqlQuery("select exists (select 1 from courts where id = :id)")
    boolean courtExists(@Bind("id") String id);
}
