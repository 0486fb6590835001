package com.docketwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kind rules on docket text as CM/ECF, the appellate courts, RECAP and RSS write it (real entries). */
class KindRulesTest {
    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "COMPLAINT against Microsoft Corporation, OpenAI GP ( Filing fee $ 402, receipt number ACANDC-18615816.)|complaint",
                "COMPLAINT (summons issued); against Deloitte & Touche LLP, Deloitte Tax LLP|complaint",
                "First AMENDED COMPLAINT against all defendants. Filed byJames Brady|amended_complaint",
                "SECOND AMENDED CLASS ACTION COMPLAINT against Google LLC|amended_complaint",
                "ANSWER to Complaint with Jury Demand byOpenAI LP|answer",
                "MOTION for leave to appear in Pro Hac Vice ( Filing fee $ 317)|motion",
                "JOINT MOTION to Stay Discovery filed by Google LLC|motion",
                "MOTION for Protective Order filed by Apple Inc.|motion",
                "Filed (ECF) Appellants Motion to expedite the appeal. Date of service: 03/31/2017|motion",
                "REDACTED DOCUMENT- Plaintiff States' Motion for Leave to File a Supplemental Response|motion",
                "RESPONSE in Opposition re 25 MOTION to Dismiss filed by James Brady|opposition",
                "MEMORANDUM in Opposition re 12 MOTION to Compel filed by United States|opposition",
                "OPPOSITION to ( 30 MOTION for Summary Judgment )|opposition",
                "REPLY in support of Motion to Dismiss filed byDow Agrosciences LLC|reply",
                "Reply to Opposition re [26] MOTION to Compel Filing of a Complete Administrative Record|reply",
                "ORDER by Judge Susan Illston granting 25 Motion to Dismiss|order",
                "MINUTE ORDER. Pursuant to the discovery hearing held on August 19, 2021, the court orders the following|order",
                "MINUTE ORDER granting 164 Sealed Motion for Leave to File Document Under Seal|order",
                "ADR SCHEDULING ORDER: Case Management Conference set for 4/18/2008 02:00 PM|order",
                "Initial Case Management Scheduling Order with ADR Deadlines: Case Management Statement due|order",
                "STIPULATED PROTECTIVE ORDER signed by Judge Amit P. Mehta|order",
                "Filed order (MICHAEL DALY HAWKINS, RONALD M. GOULD and RICHARD A. PAEZ) The Government's motion is denied|order",
                "Order filed for PUBLICATION (MICHAEL DALY HAWKINS, RONALD M. GOULD and RICHARD A. PAEZ)|order",
                "MANDATE ISSUED.(MDH, RMG and RAP) [10479819]|order",
                "MEMORANDUM OPINION AND ORDER granting in part Plaintiffs' motion|order",
                "Proposed Order Granting [34] Motion By Applicant Dow AgroSciences LLC to Intervene|other",
                "JUDGMENT in favor of defendants against plaintiffs|judgment",
                "CLERK'S JUDGMENT entered|judgment",
                "STIPULATION To Stay Deadlines Pending Resolution of Pending Motions|stipulation",
                "JOINT STIPULATION re briefing schedule|stipulation",
                "TRANSCRIPT of Proceedings held on 05/09/2008, before Judge Jeremy Fogel|transcript",
                "NOTICE of Appearance by Sharon Swingle on behalf of USA|notice",
                "Filed (ECF) notice of appearance of Sharon Marie Swingle for Appellants|notice",
                "CLERK'S NOTICE Continuing Case Management Conference|notice",
                "CERTIFICATE OF SERVICE by Pineros Y Campesinos Unidos Del Noroeste|notice",
                "Case assigned to Magistrate Judge Joseph C. Spero|other",
                "Declaration of Michael Shaw filed byDow Agrosciences LLC|other",
                "ENTERED IN ERROR.....TRANSCRIPT OF STATUS CONFERENCE VIA ZOOM PROCEEDINGS|other",
                "SEALED DOCUMENT filed by UNITED STATES OF AMERICA re 477 Sealed Document|other",
            })
    void docketText(String description, String kind) {
        assertThat(KindRules.kindOf(null, description)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Complaint|complaint",
                "Amended Complaint|amended_complaint",
                "Order on Motion for Extension of Time to File|order",
                "Order(Other)|order",
                "Scheduling Order|order",
                "Order to Show Cause|order",
                "Memorandum & Opinion|order",
                "Judgment - Clerk|judgment",
                "Stipulation and Order of Remand to SSA|stipulation",
                "1 - Terminate Deadlines and Hearings AND Scheduling Order|order",
                "~Util - Set Hearings|other",
                "Crossclaim|other",
                "Reply to Response to Motion|reply",
            })
    void shortDescriptionsOfRecapAndRss(String shortDescription, String kind) {
        assertThat(KindRules.kindOf(shortDescription, "")).isEqualTo(kind);
    }

    @org.junit.jupiter.api.Test
    void theShortDescriptionWinsAndTheTextDecidesWhenItNamesNoKind() {
        assertThat(KindRules.kindOf("Order", "MOTION to Dismiss")).isEqualTo("order");
        assertThat(KindRules.kindOf("Declaration in Support", "MOTION to Dismiss"))
                .isEqualTo("motion");
        assertThat(KindRules.kindOf(null, null)).isEqualTo("other");
        assertThat(KindRules.kindOf("  ", "")).isEqualTo("other");
    }
}
