package com.docketwatch.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.uri.UriTemplate;
import org.junit.jupiter.api.Test;

/** The route label of a request: its matched templates (innermost first, as Jersey lists them) joined. */
class RouteMetricsTest {
    @Test
    void joinsTheMatchedTemplatesOutermostFirst() {
        assertThat(RouteMetrics.route(templates("/cases/{id}/filings", "/api/v1")))
                .isEqualTo("/api/v1/cases/{id}/filings");
        assertThat(RouteMetrics.route(templates("hearings", "/api/v1/"))).isEqualTo("/api/v1/hearings");
        assertThat(RouteMetrics.route(templates("/", "/api/v1"))).isEqualTo("/api/v1");
        assertThat(RouteMetrics.route(List.of())).isEqualTo("unmatched");
    }

    @Test
    void routesThatDifferOnlyInTheirVariablesKeepTheirOwnNames() {
        assertThat(RouteMetrics.route(templates("/cases/{id}", "/api/v1"))).isEqualTo("/api/v1/cases/{id}");
        assertThat(RouteMetrics.route(templates("/cases/{case_id}", "/api/v1"))).isEqualTo("/api/v1/cases/{case_id}");
    }

    private static List<UriTemplate> templates(String... innermostFirst) {
        List<UriTemplate> list = new ArrayList<>();
        for (String t : innermostFirst) {
            list.add(new UriTemplate(t));
        }
        return list;
    }
}
