package com.docketwatch.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * PACER court ids (as juriscraper and CourtListener write them) with a name and the IANA time zone
 * an imported court gets when it does not exist yet. A court that is not listed is created with its id
 * as its name and {@link #DEFAULT_ZONE}; an editor can correct both. docs/import.md shows the table.
 */
public final class FederalCourts {
    public static final String DEFAULT_ZONE = "America/New_York";

    /** A court's name and zone. */
    public record Court(String name, String zone) {}

    private static final String NY = "America/New_York";
    private static final String CHI = "America/Chicago";
    private static final String DEN = "America/Denver";
    private static final String LA = "America/Los_Angeles";

    private static final Map<String, Court> COURTS = Map.ofEntries(
            // Courts of appeals (the zone of the circuit's seat).
            c("ca1", "U.S. Court of Appeals for the First Circuit", NY),
            c("ca2", "U.S. Court of Appeals for the Second Circuit", NY),
            c("ca3", "U.S. Court of Appeals for the Third Circuit", NY),
            c("ca4", "U.S. Court of Appeals for the Fourth Circuit", NY),
            c("ca5", "U.S. Court of Appeals for the Fifth Circuit", CHI),
            c("ca6", "U.S. Court of Appeals for the Sixth Circuit", NY),
            c("ca7", "U.S. Court of Appeals for the Seventh Circuit", CHI),
            c("ca8", "U.S. Court of Appeals for the Eighth Circuit", CHI),
            c("ca9", "U.S. Court of Appeals for the Ninth Circuit", LA),
            c("ca10", "U.S. Court of Appeals for the Tenth Circuit", DEN),
            c("ca11", "U.S. Court of Appeals for the Eleventh Circuit", NY),
            c("cadc", "U.S. Court of Appeals for the D.C. Circuit", NY),
            c("cafc", "U.S. Court of Appeals for the Federal Circuit", NY),
            // District courts that make the news most often.
            c("akd", "U.S. District Court, D. Alaska", "America/Anchorage"),
            c("azd", "U.S. District Court, D. Ariz.", "America/Phoenix"),
            c("cacd", "U.S. District Court, C.D. Cal.", LA),
            c("caed", "U.S. District Court, E.D. Cal.", LA),
            c("cand", "U.S. District Court, N.D. Cal.", LA),
            c("casd", "U.S. District Court, S.D. Cal.", LA),
            c("cod", "U.S. District Court, D. Colo.", DEN),
            c("ctd", "U.S. District Court, D. Conn.", NY),
            c("dcd", "U.S. District Court, D.D.C.", NY),
            c("ded", "U.S. District Court, D. Del.", NY),
            c("flmd", "U.S. District Court, M.D. Fla.", NY),
            c("flnd", "U.S. District Court, N.D. Fla.", CHI),
            c("flsd", "U.S. District Court, S.D. Fla.", NY),
            c("gand", "U.S. District Court, N.D. Ga.", NY),
            c("hid", "U.S. District Court, D. Haw.", "Pacific/Honolulu"),
            c("idd", "U.S. District Court, D. Idaho", "America/Boise"),
            c("ilnd", "U.S. District Court, N.D. Ill.", CHI),
            c("mad", "U.S. District Court, D. Mass.", NY),
            c("mdd", "U.S. District Court, D. Md.", NY),
            c("mied", "U.S. District Court, E.D. Mich.", "America/Detroit"),
            c("mnd", "U.S. District Court, D. Minn.", CHI),
            c("njd", "U.S. District Court, D.N.J.", NY),
            c("nvd", "U.S. District Court, D. Nev.", LA),
            c("nyed", "U.S. District Court, E.D.N.Y.", NY),
            c("nynd", "U.S. District Court, N.D.N.Y.", NY),
            c("nysd", "U.S. District Court, S.D.N.Y.", NY),
            c("nywd", "U.S. District Court, W.D.N.Y.", NY),
            c("ohnd", "U.S. District Court, N.D. Ohio", NY),
            c("ohsd", "U.S. District Court, S.D. Ohio", NY),
            c("ord", "U.S. District Court, D. Or.", LA),
            c("paed", "U.S. District Court, E.D. Pa.", NY),
            c("pawd", "U.S. District Court, W.D. Pa.", NY),
            c("prd", "U.S. District Court, D.P.R.", "America/Puerto_Rico"),
            c("txed", "U.S. District Court, E.D. Tex.", CHI),
            c("txnd", "U.S. District Court, N.D. Tex.", CHI),
            c("txsd", "U.S. District Court, S.D. Tex.", CHI),
            c("txwd", "U.S. District Court, W.D. Tex.", CHI),
            c("utd", "U.S. District Court, D. Utah", DEN),
            c("vaed", "U.S. District Court, E.D. Va.", NY),
            c("waed", "U.S. District Court, E.D. Wash.", LA),
            c("wawd", "U.S. District Court, W.D. Wash.", LA),
            c("gud", "U.S. District Court, D. Guam", "Pacific/Guam"),
            c("vid", "U.S. District Court, D.V.I.", "America/St_Thomas"),
            c("nmid", "U.S. District Court, D. N. Mariana Islands", "Pacific/Saipan"),
            // Bankruptcy courts seen in RECAP uploads.
            c("nysb", "U.S. Bankruptcy Court, S.D.N.Y.", NY),
            c("deb", "U.S. Bankruptcy Court, D. Del.", NY),
            c("txsb", "U.S. Bankruptcy Court, S.D. Tex.", CHI),
            c("canb", "U.S. Bankruptcy Court, N.D. Cal.", LA));

    private FederalCourts() {}

    private static Map.Entry<String, Court> c(String id, String name, String zone) {
        return Map.entry(id, new Court(name, zone));
    }

    public static Optional<Court> find(String id) {
        return Optional.ofNullable(COURTS.get(id));
    }

    /** The court as an import creates it: from the table, or named by its id in {@link #DEFAULT_ZONE}. */
    public static Court forId(String id) {
        return find(id).orElse(new Court(id, DEFAULT_ZONE));
    }

    static Map<String, Court> all() {
        return COURTS;
    }
}
