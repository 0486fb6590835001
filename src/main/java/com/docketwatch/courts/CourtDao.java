package com.docketwatch.courts;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

public interface CourtDao {
    String VIEW = "id, name, jurisdiction, timezone, created_at";

    @SqlQuery("""
            insert into courts (id, name, jurisdiction, timezone)
            values (:id, :name, :jurisdiction, :timezone)
            returning
            """ + VIEW)
    CourtView insert(
            @Bind("id") String id,
            @Bind("name") String name,
            @Bind("jurisdiction") String jurisdiction,
            @Bind("timezone") String timezone);

    @SqlQuery("select " + VIEW + " from courts where id = :id")
    Optional<CourtView> find(@Bind("id") String id);

    @SqlQuery("select " + VIEW + " from courts where id > :after order by id limit :limit")
    List<CourtView> list(@Bind("after") String after, @Bind("limit") int limit);
}
