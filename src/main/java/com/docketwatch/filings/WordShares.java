package com.docketwatch.filings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How common a search's words are among the newest entries, from the statistics PostgreSQL keeps of each
 * partition's {@code search} column (ANALYZE's most common lexemes and their shares, {@code pg_stats}). A
 * search uses it to choose between reading the newest entries in date order and the full-text index without
 * first reading thousands of entries to find out. Read on the caller's connection and kept for ten minutes:
 * the statistics only change when (auto)ANALYZE runs.
 */
final class WordShares {
    private static final Duration KEPT = Duration.ofMinutes(10);
    /**
     * The most a lexeme a partition's statistics do not list is taken to hold: PostgreSQL's planner default for
     * a full-text match (when few lexemes are listed, as in a small partition, half the least listed share may
     * be far more than that).
     */
    private static final double UNLISTED_AT_MOST = 0.005;
    /** A lexeme in a tsquery's text form: quoted, with a quote inside doubled. */
    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')*)'");

    private final Clock clock;
    private final FilingPartitions partitions;
    private final long entries;
    private volatile Snapshot snapshot;

    /**
     * One partition's statistics: the share of its entries holding each of its most common lexemes, and
     * the smallest such share (a lexeme not listed is rarer than that).
     */
    private record Listed(long entries, Map<String, Double> shares, double least) {}

    private record Snapshot(List<Listed> partitions, long entries, Instant readAt) {}

    /** Shares among the newest {@code entries} entries: the partitions holding them, by estimate. */
    WordShares(Clock clock, FilingPartitions partitions, long entries) {
        this.clock = clock;
        this.partitions = partitions;
        this.entries = entries;
    }

    /**
     * At most what share of the newest entries match every word of {@code text}: the share of its least common word. Empty when that is not known:
     * no statistics yet, a query with an alternative or an exclusion ({@code or}, {@code -word}), or one
     * with no words the index keeps.
     */
    OptionalDouble atMost(FilingDao dao, String text) {
        Snapshot s = snapshot(dao);
        if (s.entries() == 0) {
            return OptionalDouble.empty();
        }
        String query = dao.getHandle()
                .createQuery("select cast(websearch_to_tsquery('english', :text) as text)")
                .bind("text", text)
                .mapTo(String.class)
                .one();
        List<String> lexemes = lexemes(query);
        if (lexemes.isEmpty()) {
            return OptionalDouble.empty();
        }
        double least = 1;
        for (String lexeme : lexemes) {
            least = Math.min(least, share(s, lexeme));
        }
        return OptionalDouble.of(least);
    }

    /**
     * The lexemes of a tsquery's text form when it only asks for all of them (in any order or as phrases),
     * else none: with {@code |} or {@code !} the least common word does not bound the share.
     */
    static List<String> lexemes(String tsquery) {
        List<String> out = new ArrayList<>();
        Matcher m = LEXEME.matcher(tsquery);
        int end = 0;
        while (m.find()) {
            String between = tsquery.substring(end, m.start());
            if (between.indexOf('|') >= 0 || between.indexOf('!') >= 0) {
                return List.of();
            }
            out.add(m.group(1).replace("''", "'"));
            end = m.end();
        }
        String rest = tsquery.substring(end);
        return rest.indexOf('|') >= 0 || rest.indexOf('!') >= 0 ? List.of() : out;
    }

    /**
     * The share of the newest partitions' entries holding {@code lexeme}: each partition weighs by its
     * entries; in one that does not list the lexeme, half its least listed share, at most {@link
     * #UNLISTED_AT_MOST} (as PostgreSQL's planner estimates it).
     */
    private static double share(Snapshot s, String lexeme) {
        double holding = 0;
        for (Listed p : s.partitions()) {
            Double listed = p.shares().get(lexeme);
            holding += p.entries() * (listed != null ? listed : Math.min(p.least() / 2, UNLISTED_AT_MOST));
        }
        return holding / s.entries();
    }

    private Snapshot snapshot(FilingDao dao) {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.readAt().plus(KEPT).isBefore(now)) {
            List<String> names = partitions.newestCounted(dao, entries).stream()
                    .map(FilingPartitions.Partition::name)
                    .toList();
            s = read(dao, names, now);
            snapshot = s;
        }
        return s;
    }

    private static Snapshot read(FilingDao dao, List<String> names, Instant now) {
        List<Listed> listed = new ArrayList<>();
        long total = 0;
        if (!names.isEmpty()) {
            listed = dao.getHandle()
                    .createQuery("""
                            select c.reltuples::bigint as entries, cast(cast(s.most_common_elems as text) as text[]) as elems,
                                   s.most_common_elem_freqs as freqs
                            from pg_stats s
                            join pg_class c on c.relname = s.tablename
                                and c.relnamespace = cast(cast(s.schemaname as text) as regnamespace)
                            where s.schemaname = current_schema() and s.tablename = any(:names)
                              and s.attname = 'search' and not s.inherited and s.most_common_elems is not null
                              and c.reltuples > 0
                            """)
                    .bindArray("names", String.class, names)
                    .map((rs, ctx) -> {
                        String[] elems = (String[]) rs.getArray("elems").getArray();
                        Float[] freqs = (Float[]) rs.getArray("freqs").getArray();
                        Map<String, Double> shares = new HashMap<>(elems.length * 2);
                        for (int i = 0; i < elems.length; i++) {
                            shares.put(elems[i], (double) freqs[i]);
                        }
                        // After the lexemes' shares come the least and the greatest of them.
                        double least = freqs.length > elems.length ? freqs[elems.length] : 0;
                        return new Listed(rs.getLong("entries"), shares, least);
                    })
                    .list();
            for (Listed p : listed) {
                total += p.entries();
            }
        }
        return new Snapshot(List.copyOf(listed), total, now);
    }
}
