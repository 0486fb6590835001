package com.docketwatch.bench;

import com.docketwatch.alerts.delivery.WebhookSigner;
import com.docketwatch.platform.crypto.SecretBox;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The synthetic corpus of {@code bench/run}: COPY text files for every table the read paths touch,
 * shaped like the real dockets in {@code shared/fixtures/real-dockets} (entries per case heavy-tailed
 * around the mean, descriptions with a median near 270 characters and a tail past 1,000, two to a
 * few parties with the odd amicus-heavy appeal, orders the commonest kind), plus the files the load
 * generators read: {@code queries.txt} (full-text queries), {@code party_terms.txt} (party-name
 * substrings) and {@code meta.env} (sizes and id ranges for the shell, wrk and pgbench).
 *
 * <p>Ids are written explicitly (COPY keeps them, as INSERT ... OVERRIDING SYSTEM VALUE would), so
 * every foreign key points at a row of the same corpus; {@code bench/sql/load.sql} moves the identity
 * sequences past them. Deterministic for a given {@code --seed}.
 *
 * <pre>
 * java -cp target/docketwatch.jar:target/test-classes com.docketwatch.bench.CorpusGen \
 *     --out DIR --cases 100000 --filings 5000000 --subscriptions 50000 --reminders 1000000 \
 *     --fanout 10000 --owner-key 1 --secret-key BASE64 --receiver http://localhost:28090
 * </pre>
 */
public final class CorpusGen {
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    // ---- vocabularies (drawn from the real dockets' wording) ----
    private static final String[][] COURTS = {
        {"nysd", "U.S. District Court, S.D.N.Y.", "America/New_York", "1"},
        {"nyed", "U.S. District Court, E.D.N.Y.", "America/New_York", "1"},
        {"cand", "U.S. District Court, N.D. Cal.", "America/Los_Angeles", "3"},
        {"cacd", "U.S. District Court, C.D. Cal.", "America/Los_Angeles", "2"},
        {"casd", "U.S. District Court, S.D. Cal.", "America/Los_Angeles", "3"},
        {"caed", "U.S. District Court, E.D. Cal.", "America/Los_Angeles", "2"},
        {"dcd", "U.S. District Court, D.D.C.", "America/New_York", "1"},
        {"ded", "U.S. District Court, D. Del.", "America/New_York", "1"},
        {"njd", "U.S. District Court, D.N.J.", "America/New_York", "2"},
        {"txsd", "U.S. District Court, S.D. Tex.", "America/Chicago", "4"},
        {"txnd", "U.S. District Court, N.D. Tex.", "America/Chicago", "3"},
        {"txwd", "U.S. District Court, W.D. Tex.", "America/Chicago", "6"},
        {"txed", "U.S. District Court, E.D. Tex.", "America/Chicago", "2"},
        {"ilnd", "U.S. District Court, N.D. Ill.", "America/Chicago", "1"},
        {"mad", "U.S. District Court, D. Mass.", "America/New_York", "1"},
        {"paed", "U.S. District Court, E.D. Pa.", "America/New_York", "2"},
        {"flsd", "U.S. District Court, S.D. Fla.", "America/New_York", "0"},
        {"flmd", "U.S. District Court, M.D. Fla.", "America/New_York", "8"},
        {"gand", "U.S. District Court, N.D. Ga.", "America/New_York", "1"},
        {"wawd", "U.S. District Court, W.D. Wash.", "America/Los_Angeles", "2"},
        {"ord", "U.S. District Court, D. Or.", "America/Los_Angeles", "3"},
        {"azd", "U.S. District Court, D. Ariz.", "America/Phoenix", "2"},
        {"cod", "U.S. District Court, D. Colo.", "America/Denver", "1"},
        {"mied", "U.S. District Court, E.D. Mich.", "America/Detroit", "2"},
        {"ohnd", "U.S. District Court, N.D. Ohio", "America/New_York", "1"},
        {"vaed", "U.S. District Court, E.D. Va.", "America/New_York", "1"},
        {"mdd", "U.S. District Court, D. Md.", "America/New_York", "1"},
        {"mnd", "U.S. District Court, D. Minn.", "America/Chicago", "0"},
        {"ca9", "U.S. Court of Appeals, Ninth Circuit", "America/Los_Angeles", ""},
        {"ca2", "U.S. Court of Appeals, Second Circuit", "America/New_York", ""},
        {"cadc", "U.S. Court of Appeals, D.C. Circuit", "America/New_York", ""},
        {"ca5", "U.S. Court of Appeals, Fifth Circuit", "America/Chicago", ""},
    };
    /** Relative weight of each court above: the big commercial districts get most cases. */
    private static final int[] COURT_WEIGHT = {
        16, 9, 12, 7, 3, 3, 8, 8, 6, 5, 4, 4, 4, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 3, 2, 2, 1
    };

    private static final String[] FIRST =
            ("James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan "
                            + "Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark Sandra Donald Ashley "
                            + "Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah "
                            + "Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley "
                            + "Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory "
                            + "Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane "
                            + "Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina Ethan "
                            + "Joan Walter Evelyn Noah Judith Jeremy Megan Christian Andrea Keith Cheryl Roger Hannah Terry Jacqueline Gerald Martha Harold "
                            + "Gloria Sean Teresa Austin Ann Carl Sara Arthur Madison Lawrence Frances Dylan Kathryn Jesse Janice Jordan Jean Bryan Abigail "
                            + "Billy Alice Joe Julia Bruce Judy Gabriel Sophia Logan Grace Albert Denise Willie Amber Alan Doris Juan Marilyn Wayne Danielle "
                            + "Elijah Beverly Randy Isabella Roy Theresa Vincent Diana Ralph Natalie Eugene Brittany Russell Charlotte Bobby Marie Mason Kayla "
                            + "Philip Alexis Louis Lori Ismail Margoth Sharon Amit Wayne Travis Sarah")
                    .split(" ");
    private static final String[] LAST =
            ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
                            + "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker "
                            + "Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts "
                            + "Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz "
                            + "Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray "
                            + "Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan "
                            + "Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds "
                            + "Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens "
                            + "Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson "
                            + "Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd "
                            + "Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne "
                            + "Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan "
                            + "Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Willis "
                            + "Carpenter Lawrence Sandoval Guerrero George Chapman Rios Estrada Ortega Watkins Greene Nunez Wheeler Valdez Harper Burke Larson "
                            + "Santiago Maldonado Morrison Franklin Carlson Austin Dominguez Carr Lawson Jacobs Obrien Lynch Singh Vega Bishop Montgomery "
                            + "Oliver Jensen Harvey Williamson Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le McCoy Garrett Burton Fuller Wang "
                            + "Weber Welch Rojas Lucas Marquez Fields Park Yang Little Banks Padilla Day Walsh Bowman Schultz Luna Fowler Mejia Davidson "
                            + "Acosta Brewer May Holland Juarez Newman Pearson Curtis Cortez Douglas Schneider Joseph Barrett Navarro Figueroa Keller Avila "
                            + "Wade Molina Stanley Hopkins Campos Barnett Bates Chambers Caldwell Beck Lambert Miranda Byrd Craig Ayala Lowe Frazier Powers "
                            + "Neal Leonard Gregory Carrillo Sutton Fleming Rhodes Shelton Schwartz Norris Jennings Watts Duran Walters Cohen McDaniel Moran "
                            + "Parks Steele Vaughn Becker Holt Deleon Barker Terry Hale Leon Hail Benson Haynes Horton Miles Lyons Pham Graves Bush Thornton "
                            + "Wolfe Warner Cabrera McKinney Mann Zimmerman Dawson Lara Fletcher Page McCarthy Love Robles Cervantes Solis Erickson Reeves "
                            + "Chang Klein Salinas Fuentes Baldwin Daniel Simon Velasquez Hardy Higgins Aguirre Lin Cummings Chandler Sharp Barber Bowen "
                            + "Ochoa Dennis Robbins Liu Ramsey Francis Griffith Paul Blair Oconnor Cardenas Pacheco Cross Calderon Quinn Moss Swanson Chan "
                            + "Rivas Khan Rodgers Serrano Fitzgerald Rosales Stevenson Christensen Manning Gill Curry McLaughlin Harmon McGee Gross Doyle "
                            + "Garner Newton Burgess Reese Walton Blake Trujillo Adkins Brady Goodman Roman Webster Goodwin Fischer Huang Potter Delacruz "
                            + "Montoya Todd Wu Hines Mullins Castaneda Malone Cannon Tate Mack Sherman Hubbard Hodges Zhang Guerra Wolf Valencia Saunders "
                            + "Franco Rowe Gallagher Farmer Hammond Hampton Townsend Ingram Wise Gallegos Clarke Barton Schroeder Maxwell Waters Logan "
                            + "Camacho Strickland Norman Person Colon Parsons Frank Harrington Glover Osborne Buchanan Casey Floyd Patton Ibarra Ball Tyler "
                            + "Suarez Bowers Orozco Salas Cobb Gibbs Andrade Bauer Conner Moody Escobar McGuire Lloyd Mueller Hartman French Kramer McBride "
                            + "Pope Lindsey Velazquez Norton McCormick Sparks Flynn Yates Hogan Marsh Macias Villanueva Zamora Pratt Stokes Owen Ballard "
                            + "Lang Brock Villarreal Charles Drake Barrera Cain Patrick Pineda Burnett Mercado Santana Shepherd Bautista Ali Shaffer Lamb "
                            + "Trevino McKenzie Hess Beil Olsen Cochran Morton Nash Wilkins Petersen Briggs Shah Roth Nicholson Holloway Lozano Rangel "
                            + "Flowers Hoover Short Arias Mora Valenzuela Bryan Meyers Weiss Underwood Bass Greer Summers Houston Carson Morrow Clayton "
                            + "Whitaker Decker Yoder Collier Zuniga Carey Wilcox Melendez Poole Roberson Larsen Conley Davenport Copeland Massey Lam Huff "
                            + "Rocha Cameron Jefferson Hood Monroe Anthony Pittman Huynh Randall Singleton Kirk Combs Mathis Christian Skinner Bradford "
                            + "Richard Galvan Wall Boone Kirby Wilkinson Bridges Bruce Atkinson Velez Meza Roy Vincent York Hodge Villa Abbott Allison Tapia "
                            + "Gates Chase Sosa Sweeney Farrell Wyatt Dalton Horn Barron Phelps Yu Dickerson Heath Foley Atkins Mathews Bonilla Acevedo "
                            + "Benitez Zavala Hensley Glenn Cisneros Harrell Shields Rubio Choi Huffman Boyer Garrison Arroyo Bond Kane Hancock Callahan "
                            + "Dillon Cline Wiggins Grimes Arellano Melton Oneill Savage Ho Beltran Pitts Parrish Ponce Rich Booth Koch Golden Ware Brennan "
                            + "McDowell Marks Cantu Humphrey Baxter Sawyer Clay Tanner Hutchinson Kaur Berg Wiley Gilmore Russo Villegas Hobbs Keith Wilkerson "
                            + "Ahmed Beard McClain Montes Mata Rosario Vang Walter Henson Oneal Mosley McClure Beasley Stephenson Snow Huerta Preston Vance "
                            + "Barry Johns Eaton Blackwell Dyer Prince Macdonald Solomon Guevara Stafford English Hurst Woodard Cortes Shannon Kemp Nolan "
                            + "McCullough Merritt Murillo Moon Salgado Strong Kline Cordova Barajas Roach Rosas Winters Jacobson Lester Knox Bullock Kerr "
                            + "Leach Meadows Orr Davila Whitehead Pruitt Kent Conway McKee Barr David Dejesus Marin Berger McIntyre Blankenship Gaines "
                            + "Palacios Cuevas Bartlett Durham Dorsey McCall Odonnell Stein Browning Stout Lowery Sloan McLean Hendricks Calhoun Sexton "
                            + "Chung Gentry Hull Duarte Ellison Nielsen Gillespie Buck Middleton Sellers Leblanc Esparza Hardin Bradshaw McIntosh Howe "
                            + "Livingston Frost Glass Morse Knapp Herman Stark Bravo Noble Spears Weeks Corona Frederick Buckley McFarland Hebert Enriquez "
                            + "Hickman Quintero Randolph Schaefer Walls Trejo House Reilly Pennington Michael Conrad Giles Benjamin Crosby Fitzpatrick "
                            + "Donovan Mays Mahoney Valentine Raymond Medrano Hahn McMillan Small Bentley Felix Peck Lucero Boyle Hanna Pace Rush Hurley "
                            + "Harding McConnell Bernal Nava Ayers Everett Ventura Avery Pugh Mayer Bender Shepard McMahon Landry Case Sampson Moses Magana "
                            + "Blackburn Dunlap Gould Duffy Vaughan Herring McKay Espinosa Rivers Farley Bernard Ashley Friedman Potts Truong Costa Correa "
                            + "Blevins Nixon Clements Fry Delarosa Best Benton Lugo Portillo Dougherty Crane Haley Phan Villalobos Blanchard Horne Finley "
                            + "Quintana Lynn Esquivel Bean Dodson Mullen Xiong Hayden Cano Levy Huber Richmond Moyer Lim Frye Sheppard McCarty Avalos Booker "
                            + "Waller Parra Woodward Jaramillo Krueger Rasmussen Brandt Peralta Donaldson Stuart Faulkner Maynard Galindo Coffey Estes "
                            + "Sanford Burch Maddox Vo Oconnell Vu Andersen Spence McPherson Church Schmitt Stanton Leal Cherry Compton Dudley Sierra Pollard "
                            + "Alfaro Hester Proctor Lu Hinton Novak Good Madden McCann Terrell Jarvis Dickson Reyna Cantrell Mayo Branch Hendrix Rollins "
                            + "Rowland Whitney Duke Odom Daugherty Travis Tang Archer Elshikh Swingle Turcios Kreger Cavanagh Ram Spero Mehta Hawkins Gould Paez")
                    .split(" ");
    private static final String[] CO_WORD =
            ("Acme Apex Atlas Beacon Bluewater Cardinal Cascade Centurion Cobalt Crescent Delta Deloitte Summit "
                            + "Evergreen Falcon Frontier Gateway Genesis Granite Harbor Horizon Ironwood Keystone Lakeside Liberty Lighthouse Magnolia Meridian "
                            + "Monarch Northstar Oakridge Olympus Orion Paramount Patriot Pinnacle Pioneer Prairie Quantum Redwood Riverside Sentinel Sierra "
                            + "Silverline Skyline Sterling Stonebridge Sunrise Titan Trident Unity Vanguard Vertex Victory Vista Westfield Willow Zenith "
                            + "OpenAI Google Microsoft Amazon Meta Apple Tesla Uber Oracle Intel Nvidia Pfizer Boeing Chevron Exxon Walmart Verizon Comcast "
                            + "Wells Citibank Goldman Morgan Purdue Monsanto Bayer Johnson Anthropic Twitter Coinbase Binance Theranos Juul Fox Dominion")
                    .split(" ");
    private static final String[] CO_SECTOR =
            ("Holdings Capital Technologies Pharmaceuticals Logistics Energy Insurance Healthcare Media Networks "
                            + "Software Partners Financial Industries Systems Labs Foods Motors Airlines Bank Brands Entertainment Robotics Semiconductor")
                    .split(" ");
    private static final String[] CO_SUFFIX = {
        "Inc.", "LLC", "Corp.", "LP", "Co.", "Ltd.", "L.L.C.", "Incorporated", "Corporation", "GP"
    };
    private static final String[] GOV = {
        "United States of America",
        "State of California",
        "State of New York",
        "State of Texas",
        "State of Hawaii",
        "Federal Trade Commission",
        "Securities and Exchange Commission",
        "U.S. Environmental Protection Agency",
        "U.S. Department of Justice",
        "U.S. Department of Homeland Security",
        "City of New York",
        "City of Los Angeles",
        "County of Santa Clara",
        "Commonwealth of Massachusetts",
        "District of Columbia",
        "Consumer Financial Protection Bureau"
    };
    private static final String[] FIRMS = {
        "Kirkland & Ellis LLP",
        "Latham & Watkins LLP",
        "Skadden, Arps, Slate, Meagher & Flom LLP",
        "Wachtell, Lipton, Rosen & Katz",
        "Sullivan & Cromwell LLP",
        "Cravath, Swaine & Moore LLP",
        "Davis Polk & Wardwell LLP",
        "Quinn Emanuel Urquhart & Sullivan, LLP",
        "Boies Schiller Flexner LLP",
        "Munger, Tolles & Olson LLP",
        "Covington & Burling LLP",
        "WilmerHale",
        "Gibson, Dunn & Crutcher LLP",
        "Jones Day",
        "Williams & Connolly LLP",
        "Keker, Van Nest & Peters LLP",
        "Wilson Sonsini Goodrich & Rosati",
        "Cooley LLP",
        "Morrison & Foerster LLP",
        "Orrick, Herrington & Sutcliffe LLP",
        "Lieff Cabraser Heimann & Bernstein, LLP",
        "Hagens Berman Sobol Shapiro LLP",
        "Cotchett, Pitre & McCarthy, LLP",
        "Joseph Saveri Law Firm, LLP",
        "Public Citizen Litigation Group",
        "Earthjustice",
        "ACLU Foundation",
        "Office of the Attorney General",
        "U.S. Department of Justice, Civil Division",
        null,
        null,
        null
    };
    private static final String[] TOPIC = {
        "antitrust",
        "patent infringement",
        "copyright infringement",
        "trademark infringement",
        "securities fraud",
        "breach of contract",
        "trade secret misappropriation",
        "employment discrimination",
        "civil rights",
        "Freedom of Information Act",
        "consumer protection",
        "data privacy",
        "wrongful termination",
        "environmental",
        "False Claims Act",
        "RICO",
        "unfair competition",
        "defamation",
        "product liability",
        "wage and hour",
        "immigration",
        "Administrative Procedure Act",
        "ERISA",
        "insurance coverage",
        "class action"
    };
    private static final String[] NATURE = {
        "410 Anti-Trust",
        "830 Patent",
        "820 Copyright",
        "840 Trademark",
        "850 Securities/Commodities",
        "190 Contract: Other",
        "880 Defend Trade Secrets Act",
        "442 Civil Rights: Jobs",
        "440 Civil Rights: Other",
        "895 Freedom of Information Act",
        "370 Other Fraud",
        "890 Other Statutory Actions",
        "442 Civil Rights: Jobs",
        "893 Environmental Matters",
        "375 False Claims Act",
        "470 Racketeer Influenced and Corrupt Organizations",
        "890 Other Statutory Actions",
        "320 Assault Libel & Slander",
        "365 Personal Inj. Prod. Liability",
        "710 Fair Labor Standards Act",
        "462 Naturalization Application",
        "899 Administrative Procedure Act",
        "791 Employee Retirement Income Security Act",
        "110 Insurance",
        "190 Contract: Other"
    };
    private static final String[] RELIEF = {
        "Extension of Time to File Answer",
        "Extension of Time to File Response/Reply",
        "Extension of Time to Complete Discovery",
        "Leave to Appear Pro Hac Vice",
        "Leave to File Document Under Seal",
        "Leave to File Excess Pages",
        "Leave to File Amended Complaint",
        "Preliminary Injunction",
        "Temporary Restraining Order",
        "Summary Judgment",
        "Partial Summary Judgment",
        "Judgment on the Pleadings",
        "Protective Order",
        "Sanctions",
        "Attorney Fees",
        "Reconsideration",
        "Stay Pending Appeal",
        "Remand to State Court",
        "Change of Venue",
        "Class Certification",
        "Default Judgment",
        "Compel Discovery",
        "Compel Arbitration",
        "Consolidate Cases",
        "Withdraw as Attorney",
        "Settlement Approval",
        "Expedited Discovery",
        "Relief from Case Management Schedule",
        "Judicial Notice",
        "Dismiss for Lack of Jurisdiction",
        "Dismiss for Failure to State a Claim",
        "Transfer Venue",
        "Issuance of Letters Rogatory",
        "Appointment of Lead Counsel",
        "Intervene"
    };
    /** Extension requests and pro hac vice dominate real dockets; class certification and TROs are rarer. */
    private static final int[] RELIEF_WEIGHT = {
        14, 12, 8, 10, 9, 4, 4, 3, 1, 4, 2, 1, 3, 1, 2, 2, 1, 1, 1, 1, 1, 3, 1, 1, 3, 1, 1, 2, 1, 2, 6, 1, 1, 1, 1
    };
    /** Sentences real docket texts carry on the end (court instructions, service, sealing, cross-references). */
    private static final String[] BOILERPLATE = {
        "Counsel for plaintiff or the removing party is responsible for serving the Complaint or Notice of Removal, Summons and the assigned judge's standing orders and all other new case documents upon the opposing parties.",
        "This document relates to all actions. Associated Cases: the consolidated {T} actions.",
        "Pursuant to Civil L.R. 7-11, any opposition shall be filed within four days. The court will decide the motion without oral argument unless otherwise ordered.",
        "(Attachments: # 1 Text of Proposed Order, # 2 Certificate of Service, # 3 Exhibit A - Declaration in Support)",
        "Document filed under seal pursuant to the protective order entered by Judge {J}. A redacted version is to be filed on the public docket within seven days.",
        "Attorney added to party {P} (pty:pla). Notice of appearance of counsel; request for electronic notice of all filings.",
        "Set/Reset Deadlines as to {R}: responses due by {D}; the hearing previously set is vacated and will be reset by further order.",
        "ENTERED IN ERROR. Counsel is instructed to re-file the document using the correct event and to attach the proposed order as a separate exhibit.",
        "Signed by Judge {J} on {D}. Copies of this order were mailed to all counsel of record and to any pro se party at the address on the docket.",
        "Clerk's notice: the parties are reminded that courtesy copies of any filing over 25 pages must be lodged with chambers by noon the next court day."
    };

    private static final String[] HEARING_WORDS = {
        "Motion Hearing",
        "Case Management Conference",
        "Status Conference",
        "Pretrial Conference",
        "Discovery Hearing",
        "Settlement Conference",
        "Evidentiary Hearing",
        "Initial Conference",
        "Oral Argument",
        "Jury Selection",
        "Bench Trial"
    };
    private static final String[] CLAIM_TITLES = {
        "Breach of contract",
        "Breach of the implied covenant of good faith and fair dealing",
        "Fraud",
        "Negligent misrepresentation",
        "Unjust enrichment",
        "Violation of Section 1 of the Sherman Act",
        "Violation of Section 2 of the Sherman Act",
        "Copyright infringement",
        "Contributory copyright infringement",
        "Patent infringement",
        "Trademark infringement",
        "Misappropriation of trade secrets",
        "Unfair competition",
        "Violation of the Securities Exchange Act",
        "Retaliation",
        "Discrimination",
        "Violation of due process",
        "Declaratory judgment",
        "Breach of fiduciary duty",
        "Defamation"
    };
    private static final String[] STATUTES = {
        "15 U.S.C. § 1",
        "15 U.S.C. § 2",
        "17 U.S.C. § 501",
        "35 U.S.C. § 271",
        "15 U.S.C. § 1114",
        "18 U.S.C. § 1836",
        "Cal. Bus. & Prof. Code § 17200",
        "15 U.S.C. § 78j(b)",
        "42 U.S.C. § 1983",
        "42 U.S.C. § 2000e",
        "28 U.S.C. § 2201",
        "5 U.S.C. § 552",
        null,
        null,
        null
    };
    private static final String[] CLAIM_STATUS = {
        "pending",
        "pending",
        "pending",
        "pending",
        "dismissed",
        "dismissed_with_prejudice",
        "withdrawn",
        "survived",
        "survived",
        "settled",
        "judgment_for_plaintiff",
        "judgment_for_defendant"
    };
    private static final String[] KINDS = {
        "complaint",
        "amended_complaint",
        "answer",
        "motion",
        "opposition",
        "reply",
        "order",
        "notice",
        "stipulation",
        "judgment",
        "transcript",
        "other"
    };
    /** Docket entries after the complaint: orders most, then motions, notices and the papers around motions. */
    private static final int[] KIND_WEIGHT = {0, 2, 4, 16, 6, 5, 30, 13, 5, 1, 3, 15};

    private static final String[] HEARING_KINDS = {
        "hearing",
        "motion_hearing",
        "case_management_conference",
        "status_conference",
        "pretrial_conference",
        "trial",
        "sentencing",
        "deadline",
        "other"
    };
    private static final int[] HEARING_KIND_WEIGHT = {10, 25, 20, 20, 6, 3, 2, 12, 2};
    private static final String[] CITIES = {
        "San Francisco",
        "Oakland",
        "San Jose",
        "New York",
        "Brooklyn",
        "Washington",
        "Wilmington",
        "Los Angeles",
        "Houston",
        "Chicago",
        "Boston",
        "Philadelphia",
        "Miami",
        "Seattle",
        "Austin"
    };

    private final SplittableRandom rnd;
    private final Args a;
    private final LocalDate today;
    private final Instant now;
    private final SecretBox box;

    private long partyId;
    private long counselId;
    private long filingId;
    private long claimId;
    private long claimHistoryId;
    private long statusChangeId;
    private long hearingId;
    private long hearingHistoryId;
    private long filingCount;
    private final List<Long> futureHearings = new ArrayList<>();
    private final List<String> futureHearingAt = new ArrayList<>();
    private final Set<String> partyTerms = new LinkedHashSet<>();
    private final Map<String, Writer> out = new LinkedHashMap<>();
    private final int[] courtSeq = new int[COURTS.length];
    private final long[] entriesPerCase;

    record Args(
            Path dir,
            int cases,
            long filings,
            int subscriptions,
            long reminders,
            int fanout,
            long ownerKey,
            String secretKey,
            String receiver,
            long seed) {}

    private CorpusGen(Args a) {
        this.a = a;
        this.rnd = new SplittableRandom(a.seed());
        this.now = Instant.now();
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        this.box = SecretBox.fromBase64(a.secretKey());
        this.entriesPerCase = entriesPerCase();
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            m.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        Args a = new Args(
                Path.of(req(m, "out")),
                Integer.parseInt(req(m, "cases")),
                Long.parseLong(req(m, "filings")),
                Integer.parseInt(req(m, "subscriptions")),
                Long.parseLong(req(m, "reminders")),
                Integer.parseInt(m.getOrDefault("fanout", "10000")),
                Long.parseLong(m.getOrDefault("owner-key", "1")),
                req(m, "secret-key"),
                req(m, "receiver"),
                Long.parseLong(m.getOrDefault("seed", "20250204")));
        long t0 = System.nanoTime();
        new CorpusGen(a).run();
        System.out.printf(Locale.ROOT, "corpus written to %s in %.1f s%n", a.dir(), (System.nanoTime() - t0) / 1e9);
    }

    private static String req(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) {
            throw new IllegalArgumentException("--" + k + " is required");
        }
        return v;
    }

    // ---- shape of the corpus ----

    /**
     * Entries per case: log-normal (median ~24, sigma 1.2, as from a handful of entries for a quickly
     * settled case to hundreds for a big one), capped at 3,000, then scaled to the requested total.
     */
    private long[] entriesPerCase() {
        long[] n = new long[a.cases()];
        double sum = 0;
        for (int i = 0; i < n.length; i++) {
            double v = Math.exp(Math.log(24) + 1.2 * gaussian());
            n[i] = Math.max(1, Math.min(3000, Math.round(v)));
            sum += n[i];
        }
        double scale = a.filings() / sum;
        long total = 0;
        for (int i = 0; i < n.length; i++) {
            n[i] = Math.max(1, Math.min(3000, Math.round(n[i] * scale)));
            total += n[i];
        }
        long diff = a.filings() - total; // spread the rounding remainder over the cases
        for (int i = 0; diff != 0; i = (i + 1) % n.length) {
            if (diff > 0 && n[i] < 3000) {
                n[i]++;
                diff--;
            } else if (diff < 0 && n[i] > 1) {
                n[i]--;
                diff++;
            }
        }
        return n;
    }

    private void run() throws IOException {
        Files.createDirectories(a.dir());
        for (String t : List.of(
                "courts",
                "cases",
                "parties",
                "counsel",
                "filings_0",
                "filings_1",
                "claims",
                "claim_defendants",
                "claim_history",
                "status_changes",
                "case_relations",
                "hearings",
                "hearing_history",
                "subscriptions",
                "reminders")) {
            out.put(
                    t,
                    new BufferedWriter(
                            new OutputStreamWriter(
                                    Files.newOutputStream(a.dir().resolve(t + ".tsv")), StandardCharsets.UTF_8),
                            1 << 20));
        }
        for (String[] c : COURTS) {
            row("courts", c[0], c[1], "federal", c[2]);
        }
        int[] courtOfCase = new int[a.cases() + 2];
        for (int id = 1; id <= a.cases(); id++) {
            courtOfCase[id] = caseRow(id, entriesPerCase[id - 1]);
        }
        int fanoutCase = a.cases() + 1;
        courtOfCase[fanoutCase] = fanoutCaseRow(fanoutCase);
        long fanoutFirstSub = subscriptions(courtOfCase, fanoutCase);
        reminders();
        for (Writer w : out.values()) {
            w.close();
        }
        writeLoadGenInputs(fanoutCase, fanoutFirstSub);
    }

    private int caseRow(long id, long entries) throws IOException {
        int court = weighted(COURT_WEIGHT);
        String courtId = COURTS[court][0];
        boolean appellate = COURTS[court][3].isEmpty();
        // Filed 2008..today, skewed to recent years.
        LocalDate filed = today.minusDays((long) (Math.pow(rnd.nextDouble(), 1.7) * 365 * 17) + 30);
        int seq = ++courtSeq[court];
        String docket = appellate
                ? String.format(Locale.ROOT, "%02d-%05d", filed.getYear() % 100, seq)
                : String.format(Locale.ROOT, "%s:%02d-cv-%05d", COURTS[court][3], filed.getYear() % 100, seq);
        int topic = rnd.nextInt(TOPIC.length);

        // Parties: one or two plaintiffs and defendants, sometimes more; 1 in 100 an appeal with dozens of amici.
        List<String> plaintiffs = new ArrayList<>();
        List<String> defendants = new ArrayList<>();
        int np = 1 + (rnd.nextInt(100) < 30 ? 1 + geometric(0.5) : 0);
        int nd = 1 + (rnd.nextInt(100) < 40 ? 1 + geometric(0.45) : 0);
        for (int i = 0; i < np; i++) {
            plaintiffs.add(rnd.nextInt(100) < 55 ? person() : rnd.nextInt(100) < 30 ? pick(GOV) : company());
        }
        for (int i = 0; i < nd; i++) {
            defendants.add(rnd.nextInt(100) < 70 ? company() : rnd.nextInt(100) < 50 ? pick(GOV) : person());
        }
        List<long[]> partyIds = new ArrayList<>(); // {id, role index}
        List<String> partyNames = new ArrayList<>();
        String filedAt = ts(filed.atTime(9 + rnd.nextInt(8), rnd.nextInt(60)).toInstant(ZoneOffset.UTC));
        for (String p : plaintiffs) {
            partyIds.add(party(id, p, "plaintiff", filedAt));
            partyNames.add(p);
        }
        for (String d : defendants) {
            partyIds.add(party(id, d, "defendant", filedAt));
            partyNames.add(d);
        }
        if (rnd.nextInt(100) < 8) {
            String n = rnd.nextBoolean() ? company() : person();
            partyIds.add(party(id, n, "intervenor", filedAt));
            partyNames.add(n);
        }
        if (rnd.nextInt(100) < 1) {
            int amici = 10 + rnd.nextInt(140);
            for (int i = 0; i < amici; i++) {
                String n = rnd.nextBoolean() ? company() : pick(GOV);
                partyIds.add(party(id, n, "amicus", filedAt));
                partyNames.add(n);
            }
        }
        if (rnd.nextInt(100) < 3) {
            String n = pick(GOV);
            partyIds.add(party(id, n, "third_party", filedAt));
            partyNames.add(n);
        }
        if (rnd.nextInt(1000) < 4 || partyTerms.size() < 8) {
            partyTerms.add(term(partyNames.get(rnd.nextInt(partyNames.size()))));
        }
        String caption = shortName(plaintiffs.get(0)) + (plaintiffs.size() > 1 ? " et al." : "") + " v. "
                + shortName(defendants.get(0)) + (defendants.size() > 1 ? " et al." : "");
        String judge = pick(FIRST) + " " + pick(LAST);

        // Status: most cases open; the rest ended one way or another.
        int s = rnd.nextInt(100);
        String status = s < 58
                ? "open"
                : s < 78
                        ? "closed"
                        : s < 85
                                ? "dismissed"
                                : s < 91
                                        ? "settled"
                                        : s < 94
                                                ? "voluntarily_dismissed"
                                                : s < 96
                                                        ? "judgment_entered"
                                                        : s < 98 ? "stayed" : s < 99 ? "on_appeal" : "transferred";
        long lifeDays = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(filed, today));
        LocalDate statusSince = status.equals("open")
                ? filed
                : filed.plusDays(Math.min(lifeDays, 30 + rnd.nextLong(Math.max(1, lifeDays))));
        if (!status.equals("open")) {
            row(
                    "status_changes",
                    ++statusChangeId,
                    id,
                    "open",
                    status,
                    statusSince,
                    status.equals("closed") ? null : "per order of the court",
                    null,
                    status.equals("dismissed") ? Boolean.toString(rnd.nextBoolean()) : null,
                    ts(statusSince.atStartOfDay().toInstant(ZoneOffset.UTC)));
        }

        // Docket entries.
        String[] fout = {"filings_0", "filings_1"};
        String file = fout[(int) (id % 2)];
        long lastDay = status.equals("open")
                ? lifeDays
                : Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(filed, statusSince));
        int motionNo = 0;
        for (long e = 1; e <= entries; e++) {
            long day = e == 1 ? 0 : (long) (lastDay * Math.pow((double) e / entries, 1.3));
            LocalDate on = filed.plusDays(Math.min(day, lifeDays));
            String kind = e == 1 ? "complaint" : KINDS[weighted(KIND_WEIGHT)];
            boolean minute = e > 1 && rnd.nextInt(100) < 9; // unnumbered minute entries
            long[] by = partyIds.get(rnd.nextInt(partyIds.size()));
            String byName = partyNames.get(partyIds.indexOf(by));
            if (kind.equals("motion") || motionNo == 0) {
                motionNo = (int) Math.max(1, e - 1 - rnd.nextInt((int) Math.min(e, 5)));
            }
            String[] text = text(kind, on, e, motionNo, byName, plaintiffs, defendants, judge, topic, COURTS[court]);
            String url = minute || rnd.nextInt(100) < 25
                    ? null
                    : "https://ecf." + courtId + ".uscourts.gov/doc1/" + (30000000000L + rnd.nextLong(9000000000L));
            row(
                    file,
                    ++filingId,
                    id,
                    minute ? null : e,
                    on,
                    kind,
                    text[0],
                    text[1],
                    rnd.nextInt(100) < 45 && !kind.equals("order") ? by[0] : null,
                    url,
                    ts(on.atTime(8 + rnd.nextInt(10), rnd.nextInt(60), rnd.nextInt(60))
                            .toInstant(ZoneOffset.UTC)),
                    courtId);
            filingCount++;
        }

        // Claims against some defendants, with their history.
        int nclaims = geometric(0.4);
        for (int i = 0; i < nclaims; i++) {
            String cs = pick(CLAIM_STATUS);
            long cid = ++claimId;
            row("claims", cid, id, pick(CLAIM_TITLES), pick(STATUTES), cs, filedAt, filedAt);
            Set<Long> against = new LinkedHashSet<>();
            for (int k = 0; k < 1 + rnd.nextInt(2); k++) {
                for (int j = 0; j < partyIds.size(); j++) {
                    long[] p = partyIds.get((j + k * 7 + i) % partyIds.size());
                    if (p[1] == 1 && against.add(p[0])) {
                        break;
                    }
                }
            }
            for (long p : against) {
                row("claim_defendants", cid, p);
            }
            row("claim_history", ++claimHistoryId, cid, null, "pending", null, null, filedAt);
            if (!cs.equals("pending")) {
                row(
                        "claim_history",
                        ++claimHistoryId,
                        cid,
                        "pending",
                        cs,
                        "per order of the court",
                        null,
                        ts(statusSince.atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
        }

        // Related cases: a refiling or an appeal now and then (always an earlier case id).
        if (id > 10 && rnd.nextInt(100) < 2) {
            long other = 1 + rnd.nextLong(id - 1);
            row(
                    "case_relations",
                    id,
                    other,
                    pick(new String[] {"refiled_from", "appeal_of", "consolidated_with", "removed_to"}),
                    filedAt);
        }

        // Hearings over the life of the case, and on the calendar ahead for open ones.
        int nh = rnd.nextInt(100) < 15 ? 0 : 1 + geometric(0.35);
        for (int i = 0; i < nh; i++) {
            boolean ahead = status.equals("open") && rnd.nextInt(100) < 45;
            Instant at;
            if (ahead) {
                at = now.plusSeconds(86400L * (1 + rnd.nextInt(540)) + 3600L * rnd.nextInt(10));
            } else {
                at = filed.plusDays(rnd.nextLong(lastDay + 1))
                        .atTime(9 + rnd.nextInt(8), rnd.nextInt(4) * 15)
                        .toInstant(ZoneOffset.UTC);
                if (at.isAfter(now)) {
                    at = now.minusSeconds(86400L * (1 + rnd.nextInt(30)));
                }
            }
            String hk = HEARING_KINDS[weighted(HEARING_KIND_WEIGHT)];
            int hs = rnd.nextInt(100);
            String hstatus = ahead
                    ? (hs < 85 ? "scheduled" : hs < 95 ? "rescheduled" : "vacated")
                    : (hs < 85 ? "held" : "vacated");
            long hid = ++hearingId;
            String created = ts(at.minusSeconds(86400L * (7 + rnd.nextInt(60))));
            row(
                    "hearings",
                    hid,
                    id,
                    hk,
                    ts(at),
                    "Courtroom " + (1 + rnd.nextInt(12)) + ", " + pick(CITIES),
                    rnd.nextInt(100) < 40 ? pick(HEARING_WORDS) + " re " + pick(RELIEF) : null,
                    hstatus,
                    hstatus.equals("held") && rnd.nextBoolean() ? "Taken under submission" : null,
                    hstatus.equals("rescheduled") ? 1 : 0,
                    created,
                    created);
            Instant first = hstatus.equals("rescheduled") ? at.minusSeconds(86400L * (1 + rnd.nextInt(20))) : at;
            row("hearing_history", ++hearingHistoryId, hid, "scheduled", ts(first), null, null, created);
            if (hstatus.equals("rescheduled")) {
                row("hearing_history", ++hearingHistoryId, hid, "rescheduled", ts(at), ts(first), null, created);
            } else if (!hstatus.equals("scheduled")) {
                row("hearing_history", ++hearingHistoryId, hid, hstatus, ts(at), null, null, created);
            }
            if (ahead && !hstatus.equals("vacated") && at.isAfter(now.plusSeconds(10 * 86400L))) {
                futureHearings.add(hid);
                futureHearingAt.add(ts(at));
            }
        }
        row(
                "cases",
                id,
                courtId,
                docket,
                caption,
                filed,
                judge,
                NATURE[topic],
                status,
                statusSince,
                filedAt,
                ts(now.minusSeconds(rnd.nextLong(86400L * 365))));
        return court;
    }

    private long[] party(long caseId, String name, String role, String at) throws IOException {
        long id = ++partyId;
        row("parties", id, caseId, name, role, at);
        int nc = role.equals("amicus") ? rnd.nextInt(2) : 1 + geometric(0.55);
        for (int i = 0; i < nc; i++) {
            row("counsel", ++counselId, id, person(), pick(FIRMS));
        }
        return new long[] {id, role.equals("defendant") ? 1 : 0};
    }

    /** The case that one filing fans out from: {@code fanout} webhook subscribers, nothing else. */
    private int fanoutCaseRow(long id) throws IOException {
        String at = ts(now);
        row(
                "cases",
                id,
                "cand",
                "5:99-cv-99999",
                "Bench Fan-Out v. Subscribers",
                today,
                "Bench Judge",
                null,
                "open",
                today,
                at,
                at);
        party(id, "Bench Fan-Out", "plaintiff", at);
        party(id, "Subscribers at Large", "defendant", at);
        return 2; // cand
    }

    /**
     * 50k subscriptions by default: most follow one case (half of those a few hundred high-profile
     * cases), some a party name or a full-text query, a few a whole court; one in five asks for
     * reminders. Every webhook points at the local receiver. Then the fan-out case's subscribers.
     */
    private long subscriptions(int[] courtOfCase, long fanoutCase) throws IOException {
        String events =
                "{filing.created,case.status_changed,claim.updated,hearing.scheduled,hearing.rescheduled,hearing.vacated,hearing.reminder}";
        List<String> queries = searchQueries();
        List<String> terms = new ArrayList<>(partyTerms);
        int hot = Math.max(10, a.cases() / 300);
        long id = 0;
        for (int i = 0; i < a.subscriptions(); i++) {
            id++;
            int k = rnd.nextInt(1000);
            Long caseId = null;
            String court = null;
            String party = null;
            String query = null;
            if (k < 745) {
                caseId = rnd.nextBoolean() ? 1L + rnd.nextInt(hot) * 97L % a.cases() : 1L + rnd.nextInt(a.cases());
            } else if (k < 750) {
                court = COURTS[weighted(COURT_WEIGHT)][0];
            } else if (k < 920) {
                party = terms.get(rnd.nextInt(terms.size()));
            } else {
                query = queries.get(rnd.nextInt(queries.size()));
            }
            String leads = rnd.nextInt(100) < 20 ? "{P7D,PT24H}" : null;
            subscription(
                    id, caseId, court, party, query, events, a.receiver() + "/hook/" + id, leads, rnd.nextInt(100) < 3);
        }
        long first = id + 1;
        for (int i = 0; i < a.fanout(); i++) {
            id++;
            subscription(id, fanoutCase, null, null, null, "{filing.created}", a.receiver() + "/fan/" + i, null, false);
        }
        subscriptionsWritten = id;
        return first;
    }

    private long subscriptionsWritten;

    private void subscription(
            long id,
            Long caseId,
            String court,
            String party,
            String query,
            String events,
            String url,
            String leads,
            boolean paused)
            throws IOException {
        byte[] sealed = box.seal(WebhookSigner.newSecret().getBytes(StandardCharsets.UTF_8));
        String at = ts(now.minusSeconds(rnd.nextLong(86400L * 200)));
        row(
                "subscriptions",
                id,
                a.ownerKey(),
                caseId,
                court,
                party,
                query,
                events,
                "webhook",
                url,
                "\\x" + hex(sealed),
                leads,
                "immediate",
                paused,
                at,
                at);
    }

    /** 1M by default: (subscription, hearing ahead, lead time), pending, due well after the benchmark. */
    private void reminders() throws IOException {
        if (futureHearings.isEmpty() || a.reminders() == 0) {
            return;
        }
        int subs = (int) Math.min(a.subscriptions(), Math.max(1, a.subscriptions() / 5));
        long pairs = a.reminders() / 2;
        int perSub = (int) Math.min(futureHearings.size(), (pairs + subs - 1) / subs);
        long id = 0;
        outer:
        for (int s = 0; s < subs; s++) {
            long sub = 1 + (long) s * Math.max(1, a.subscriptions() / subs);
            int base = rnd.nextInt(futureHearings.size());
            for (int j = 0; j < perSub; j++) {
                int h = (base + j) % futureHearings.size();
                Instant at = Instant.from(TS.parse(futureHearingAt.get(h)));
                row("reminders", ++id, sub, futureHearings.get(h), "P7D", ts(at.minusSeconds(7 * 86400L)), "pending");
                if (id >= a.reminders()) {
                    break outer;
                }
                row("reminders", ++id, sub, futureHearings.get(h), "PT24H", ts(at.minusSeconds(86400L)), "pending");
                if (id >= a.reminders()) {
                    break outer;
                }
            }
        }
        remindersWritten = id;
    }

    private long remindersWritten;

    private void writeLoadGenInputs(long fanoutCase, long fanoutFirstSub) throws IOException {
        Files.write(a.dir().resolve("queries.txt"), searchQueries(), StandardCharsets.UTF_8);
        List<String> terms = new ArrayList<>(partyTerms);
        Files.write(
                a.dir().resolve("party_terms.txt"),
                terms.subList(0, Math.min(60, terms.size())),
                StandardCharsets.UTF_8);
        List<String> meta = List.of(
                // 2: docket entries carry their court (V17)
                "FORMAT=2",
                "NCASES=" + a.cases(),
                "NFILINGS=" + filingCount,
                "NPARTIES=" + partyId,
                "NHEARINGS=" + hearingId,
                "NSUBSCRIPTIONS=" + subscriptionsWritten,
                "NREMINDERS=" + remindersWritten,
                "FANOUT_CASE=" + fanoutCase,
                "FANOUT_SUBS=" + a.fanout(),
                "FANOUT_FIRST_SUB=" + fanoutFirstSub,
                "GEN_EPOCH_DAY=" + today.toEpochDay(),
                "GEN_DATE=" + today);
        Files.write(a.dir().resolve("meta.env"), meta, StandardCharsets.UTF_8);
    }

    /**
     * What reporters search for: party and company names, the relief asked for, the law at issue,
     * some phrases and exclusions in websearch syntax. From rare (a name) to common (summary judgment).
     */
    private List<String> searchQueries() {
        List<String> q = new ArrayList<>(List.of(
                "preliminary injunction",
                "\"temporary restraining order\"",
                "summary judgment",
                "class certification",
                "pro hac vice",
                "motion to dismiss",
                "\"protective order\"",
                "sealed",
                "trade secret",
                "antitrust",
                "copyright infringement",
                "patent",
                "securities fraud",
                "default judgment",
                "transcript oral argument",
                "notice of appeal",
                "stipulation extend time",
                "case management conference",
                "settlement conference",
                "sanctions",
                "attorney fees",
                "remand state court",
                "compel arbitration",
                "Sherman Act",
                "Freedom of Information Act",
                "\"lead counsel\"",
                "judgment on the pleadings",
                "reconsideration -denied",
                "consolidate",
                "letters rogatory",
                "OpenAI",
                "Google",
                "Deloitte",
                "Federal Trade Commission",
                "Monsanto",
                "Theranos",
                "Binance",
                "Securities and Exchange Commission",
                "Environmental Protection Agency",
                "Kirkland"));
        return q;
    }

    // ---- docket text ----

    private String[] text(
            String kind,
            LocalDate on,
            long entry,
            int motionNo,
            String by,
            List<String> plaintiffs,
            List<String> defendants,
            String judge,
            int topic,
            String[] court) {
        String date = US_DATE.format(on);
        String atty = "(" + pick(LAST) + ", " + pick(FIRST) + ")";
        String filedOn = " (Filed on " + date + ")";
        String entered = " (Entered: "
                + String.format(Locale.ROOT, "%02d/%02d/%d", on.getMonthValue(), on.getDayOfMonth(), on.getYear())
                + ")";
        String relief = RELIEF[weighted(RELIEF_WEIGHT)];
        String jshort = judge.substring(judge.indexOf(' ') + 1);
        String title;
        StringBuilder d = new StringBuilder(400);
        switch (kind) {
            case "complaint" -> {
                title = "COMPLAINT against " + join(defendants, 3);
                d.append("COMPLAINT for ")
                        .append(TOPIC[topic].equals("class action") ? "damages (class action)" : TOPIC[topic])
                        .append(" against ")
                        .append(join(defendants, 6))
                        .append(" ( Filing fee $ 402, receipt number ")
                        .append(court[0].toUpperCase(Locale.ROOT))
                        .append('-')
                        .append(10000000 + rnd.nextInt(9000000))
                        .append(".) filed by ")
                        .append(join(plaintiffs, 6))
                        .append(". (Attachments: # 1 Civil Cover Sheet, # 2 Summons)")
                        .append(atty)
                        .append(filedOn)
                        .append(entered);
            }
            case "amended_complaint" -> {
                title = (rnd.nextBoolean() ? "First" : "Second") + " AMENDED COMPLAINT against " + join(defendants, 2);
                d.append(title)
                        .append(" alleging ")
                        .append(TOPIC[topic])
                        .append(". Filed by ")
                        .append(join(plaintiffs, 4))
                        .append('.')
                        .append(atty)
                        .append(filedOn)
                        .append(" Modified on ")
                        .append(date)
                        .append(" (")
                        .append(initials())
                        .append(", COURT STAFF).");
            }
            case "answer" -> {
                title = "ANSWER to Complaint by " + by;
                d.append("ANSWER to ")
                        .append(rnd.nextBoolean() ? "Complaint" : "Amended Complaint")
                        .append(rnd.nextBoolean() ? " with Jury Demand" : "")
                        .append(" , AFFIRMATIVE DEFENSES byDefendant ")
                        .append(by)
                        .append('.')
                        .append(atty)
                        .append(filedOn)
                        .append(entered);
            }
            case "motion" -> {
                title = "MOTION for " + relief + " filed by " + by;
                d.append("MOTION for ")
                        .append(relief)
                        .append(" filed by ")
                        .append(by)
                        .append(". Motion Hearing set for ")
                        .append(US_DATE.format(on.plusDays(35)))
                        .append(" 10:00 AM in Courtroom ")
                        .append(1 + rnd.nextInt(12))
                        .append(", ")
                        .append(1 + rnd.nextInt(19))
                        .append("th Floor, ")
                        .append(pick(CITIES))
                        .append(" before Judge ")
                        .append(judge)
                        .append(". Responses due by ")
                        .append(US_DATE.format(on.plusDays(14)))
                        .append(". Replies due by ")
                        .append(US_DATE.format(on.plusDays(21)))
                        .append('.');
                attachments(d);
                d.append(atty).append(filedOn).append(entered);
            }
            case "opposition" -> {
                title = "OPPOSITION/RESPONSE (re " + motionNo + " MOTION for " + relief + " ) filed by " + by;
                d.append(title).append('.');
                attachments(d);
                d.append(atty).append(filedOn).append(entered);
            }
            case "reply" -> {
                title = "REPLY (re " + motionNo + " MOTION for " + relief + " ) filed by " + by;
                d.append(title)
                        .append(". ")
                        .append(
                                rnd.nextBoolean()
                                        ? "(Attachments: # 1 Declaration of " + pick(FIRST) + " " + pick(LAST) + ")"
                                        : "")
                        .append(atty)
                        .append(filedOn)
                        .append(entered);
            }
            case "order" -> {
                int o = rnd.nextInt(10);
                if (o < 4) {
                    String verb = rnd.nextInt(3) == 0 ? "DENYING" : "GRANTING";
                    title = "ORDER " + verb + " " + motionNo + " Motion for " + relief;
                    d.append("ORDER by Judge ")
                            .append(judge)
                            .append(' ')
                            .append(verb.toLowerCase(Locale.ROOT))
                            .append(' ')
                            .append(motionNo)
                            .append(" Motion for ")
                            .append(relief)
                            .append('.')
                            .append(
                                    rnd.nextBoolean()
                                            ? " The " + TOPIC[topic]
                                                    + " claims shall proceed as set forth in this order."
                                            : "")
                            .append(" (")
                            .append(initials())
                            .append(", COURT STAFF)")
                            .append(filedOn)
                            .append(entered);
                } else if (o < 6) {
                    title = "MINUTE ORDER";
                    d.append("MINUTE ORDER. Pursuant to the ")
                            .append(pick(HEARING_WORDS).toLowerCase(Locale.ROOT))
                            .append(" held on ")
                            .append(date)
                            .append(", the court orders the following with respect to further proceedings: ")
                            .append("the parties shall file a joint status report by ")
                            .append(US_DATE.format(on.plusDays(30)))
                            .append(". Signed by Judge ")
                            .append(judge)
                            .append(" on ")
                            .append(date)
                            .append(". (lc")
                            .append(jshort.charAt(0))
                            .append(')')
                            .append(entered);
                } else if (o < 8) {
                    title = "CASE MANAGEMENT SCHEDULING ORDER";
                    d.append("ADR SCHEDULING ORDER: Case Management Statement due by ")
                            .append(US_DATE.format(on.plusDays(80)))
                            .append(". Case Management Conference set for ")
                            .append(US_DATE.format(on.plusDays(87)))
                            .append(" 01:30 PM in Courtroom ")
                            .append(1 + rnd.nextInt(12))
                            .append(". (Attachments: # 1 Standing Order)(")
                            .append(initials())
                            .append(", COURT STAFF)")
                            .append(filedOn)
                            .append(entered);
                } else {
                    title = "ORDER re " + pick(HEARING_WORDS);
                    d.append("ORDER setting ")
                            .append(pick(HEARING_WORDS))
                            .append(" for ")
                            .append(US_DATE.format(on.plusDays(21)))
                            .append(". Signed by Judge ")
                            .append(judge)
                            .append(" on ")
                            .append(date)
                            .append('.')
                            .append(filedOn)
                            .append(entered);
                }
            }
            case "notice" -> {
                int o = rnd.nextInt(4);
                title = o == 0
                        ? "NOTICE of Appearance by " + pick(FIRST) + " " + pick(LAST)
                        : o == 1
                                ? "NOTICE of Change of Address"
                                : o == 2
                                        ? "NOTICE of Appeal to the " + (rnd.nextBoolean() ? "9th" : "2nd") + " Circuit"
                                        : "NOTICE of Related Case";
                d.append(title)
                        .append(" on behalf of ")
                        .append(by)
                        .append(
                                o == 2
                                        ? ". Filing fee $ 605, receipt number " + (10000000 + rnd.nextInt(9000000))
                                                + "."
                                        : ".")
                        .append(atty)
                        .append(filedOn)
                        .append(entered);
            }
            case "stipulation" -> {
                title = "STIPULATION WITH PROPOSED ORDER to "
                        + (rnd.nextBoolean() ? "Extend Time" : "Continue Case Management Conference");
                d.append(title)
                        .append(" filed by ")
                        .append(by)
                        .append(". (Attachments: # 1 Proposed Order)")
                        .append(atty)
                        .append(filedOn)
                        .append(entered);
            }
            case "judgment" -> {
                title = "JUDGMENT in favor of " + shortName(by);
                d.append("JUDGMENT in favor of ")
                        .append(by)
                        .append(" against ")
                        .append(join(rnd.nextBoolean() ? plaintiffs : defendants, 3))
                        .append(". Signed by Judge ")
                        .append(judge)
                        .append(" on ")
                        .append(date)
                        .append(". (")
                        .append(initials())
                        .append(", COURT STAFF)")
                        .append(filedOn)
                        .append(entered);
            }
            case "transcript" -> {
                String h = pick(HEARING_WORDS);
                title = "TRANSCRIPT OF " + h.toUpperCase(Locale.ROOT) + " PROCEEDINGS";
                d.append(title)
                        .append(" before Judge ")
                        .append(judge)
                        .append(" held on ")
                        .append(US_DATE.format(on.minusDays(7)))
                        .append("; Page Numbers: 1-")
                        .append(20 + rnd.nextInt(200))
                        .append(". Date of Issuance: ")
                        .append(date)
                        .append(". Court Reporter: ")
                        .append(pick(FIRST))
                        .append(' ')
                        .append(pick(LAST))
                        .append(
                                ". Transcripts may be ordered by submitting the Transcript Order Form. For the first 90 days after this filing date, ")
                        .append(
                                "the transcript may be viewed at the courthouse at a public terminal or purchased from the court reporter referenced above. ")
                        .append("After 90 days, the transcript may be accessed via PACER. Redaction Request due ")
                        .append(US_DATE.format(on.plusDays(21)))
                        .append(". Release of Transcript Restriction set for ")
                        .append(US_DATE.format(on.plusDays(90)))
                        .append('.')
                        .append(entered);
            }
            default -> {
                int o = rnd.nextInt(6);
                title = o == 0
                        ? "CERTIFICATE OF SERVICE by " + by
                        : o == 1
                                ? "Proposed Summons"
                                : o == 2
                                        ? "Summons Issued as to " + shortName(defendants.get(0))
                                        : o == 3
                                                ? "DECLARATION of " + pick(FIRST) + " " + pick(LAST) + " in Support of "
                                                        + relief
                                                : o == 4
                                                        ? "Letter Brief re Discovery Dispute"
                                                        : "ADR Certification (ADR L.R. 3-5 b) of discussion of ADR options";
                d.append(title).append('.');
                if (o >= 3) {
                    attachments(d);
                }
                d.append(atty).append(filedOn).append(entered);
            }
        }
        if (rnd.nextInt(100) < 45) {
            d.append(' ')
                    .append(pick(BOILERPLATE)
                            .replace("{P}", by)
                            .replace("{J}", judge)
                            .replace("{D}", date)
                            .replace("{T}", TOPIC[topic])
                            .replace("{R}", relief));
        }
        if (rnd.nextInt(100) < 12) {
            d.append(" Modified on ")
                    .append(US_DATE.format(on.plusDays(1 + rnd.nextInt(5))))
                    .append(" (")
                    .append(initials())
                    .append(", COURT STAFF).");
        }
        if (rnd.nextInt(100) < 7) {
            d.append(" Related document(s) ")
                    .append(Math.max(1, entry - 1 - rnd.nextInt((int) Math.min(entry, 20))))
                    .append('.');
        }
        String description = rnd.nextInt(100) < 6 ? null : d.toString();
        return new String[] {title.length() > 2000 ? title.substring(0, 2000) : title, description};
    }

    private void attachments(StringBuilder d) {
        int n = rnd.nextInt(100) < 50 ? 0 : 1 + geometric(0.3);
        if (n == 0) {
            return;
        }
        d.append(" (Attachments: ");
        for (int i = 1; i <= Math.min(n, 24); i++) {
            d.append(i > 1 ? ", " : "").append("# ").append(i).append(' ');
            d.append(
                    i == n
                            ? "Proposed Order"
                            : rnd.nextBoolean()
                                    ? "Declaration of " + pick(FIRST) + " " + pick(LAST)
                                    : "Exhibit " + (char) ('A' + (i - 1) % 26));
        }
        d.append(')');
    }

    // ---- names ----

    private String person() {
        return pick(FIRST) + " " + (rnd.nextInt(10) < 2 ? (char) ('A' + rnd.nextInt(26)) + ". " : "") + pick(LAST);
    }

    private String company() {
        int k = rnd.nextInt(10);
        String w = pick(CO_WORD);
        return k < 5
                ? w + " " + pick(CO_SECTOR) + " " + pick(CO_SUFFIX)
                : k < 8 ? w + " " + pick(CO_SUFFIX) : pick(LAST) + " & " + pick(LAST) + " " + pick(CO_SUFFIX);
    }

    private static String shortName(String name) {
        int comma = name.indexOf(',');
        return comma > 0 ? name.substring(0, comma) : name;
    }

    /** A substring a reporter would type to find a party: a surname or a company's distinctive word. */
    private static String term(String name) {
        for (String g : GOV) {
            if (g.equals(name)) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        String[] w = name.split(" ");
        for (String suffix : CO_SUFFIX) {
            if (name.endsWith(" " + suffix)) {
                return w[0].toLowerCase(Locale.ROOT); // a company: its distinctive first word
            }
        }
        return w[w.length - 1].toLowerCase(Locale.ROOT); // a person: the surname
    }

    private String join(List<String> names, int max) {
        if (names.size() <= max) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, max)) + " and " + (names.size() - max) + " others";
    }

    private String initials() {
        return "" + (char) ('a' + rnd.nextInt(26)) + (char) ('a' + rnd.nextInt(26)) + (char) ('a' + rnd.nextInt(26));
    }

    // ---- helpers ----

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private int weighted(int[] w) {
        int sum = 0;
        for (int x : w) {
            sum += x;
        }
        int r = rnd.nextInt(sum);
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r < 0) {
                return i;
            }
        }
        return w.length - 1;
    }

    private int geometric(double p) {
        int n = 0;
        while (rnd.nextDouble() > p && n < 50) {
            n++;
        }
        return n;
    }

    private double gaussian() {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static String ts(Instant i) {
        return TS.format(i);
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return s.toString();
    }

    /** One row in COPY text format: tab-separated, \N for null, backslash escapes. */
    private void row(String table, Object... values) throws IOException {
        Writer w = out.get(table);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                w.write('\t');
            }
            Object v = values[i];
            if (v == null) {
                w.write("\\N");
            } else if (v instanceof String s) {
                if (s.startsWith("\\x") && table.equals("subscriptions")) {
                    w.write("\\\\" + s.substring(1)); // bytea hex input, its backslash escaped for COPY
                } else {
                    escape(w, s);
                }
            } else {
                w.write(v.toString());
            }
        }
        w.write('\n');
    }

    private static void escape(Writer w, String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> w.write("\\\\");
                case '\t' -> w.write("\\t");
                case '\n' -> w.write("\\n");
                case '\r' -> w.write("\\r");
                default -> w.write(c);
            }
        }
    }
}
