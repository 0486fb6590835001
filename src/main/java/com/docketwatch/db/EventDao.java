package com.docketwatch.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The outbox and change feed: events are written in the transaction of the change they describe. */
@RegisterConstructorMapper(EventDao.EventRow.class)
public interface EventDao {
    record EventRow(long id, String type, Instant occurredAt, long caseId, String data) {}

    @SqlQuery("insert into events (type, case_id, occurred_at, data) values (:type, :caseId, :at, cast(:data as jsonb)) returning id")
    long insert(@Bind("type") String type, @Bind("caseId") long caseId, @Bind("at") Instant occurredAt,
            @Bind("data") String dataJson);

    @SqlQuery("select id, type, occurred_at, case_id, data::text as data from events where id > :after order by id limit :limit")
    List<EventRow> after(@Bind("after") long after, @Bind("limit") int limit);

}
