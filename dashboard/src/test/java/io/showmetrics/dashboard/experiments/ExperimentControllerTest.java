package io.showmetrics.dashboard.experiments;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.showmetrics.dashboard.system.Role;
import io.showmetrics.dashboard.system.WebSecurityTestConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest({ExperimentController.class, ExperimentApiController.class, PlannerApiController.class})
@Import(WebSecurityTestConfig.class)
class ExperimentControllerTest {
    private static final Instant ACKNOWLEDGED = Instant.parse("2026-03-04T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ExperimentRepository experiments;

    static RequestPostProcessor as(String name, Role role) {
        return user(name).roles(role.name());
    }

    static Experiment experiment(String id, boolean flagged) {
        return new Experiment(id, "Host A vs host B", "Host B sells more", "converted", "host_a",
                Instant.parse("2026-02-24T00:00:00Z"), Instant.parse("2026-03-01T20:00:00Z"), 10_000,
                flagged ? 0.000145 : 0.62, flagged, null, Instant.parse("2026-03-01T20:00:00Z"), "provisional",
                Instant.parse("2026-04-02T20:00:00Z"), List.of(
                        new ExperimentVariant("host_a", 4_810, 0.5, 0.481, true),
                        new ExperimentVariant("host_b", 5_190, 0.5, 0.519, false)), null);
    }

    static ExperimentResult result(boolean adjusted) {
        return new ExperimentResult("exp", "converted", "host_b", adjusted, 5190L, 0.0611, 4810L, 0.052, 0.0091,
                0.00005, 0.01815, 0.175, -0.0142, 0.3642, 0.0486, 0.0972, 0.0972, -0.0061, 0.0243,
                adjusted ? 0.412 : null, adjusted ? 0.18 : null, 0.000145, null);
    }

    private void givenExperiment(String id, boolean flagged) {
        given(experiments.findById(id)).willReturn(Optional.of(experiment(id, flagged)));
        given(experiments.findResults(id)).willReturn(List.of(result(false), result(true)));
    }

    @Nested
    class Anonymous {
        @Test
        void pagesRedirectToSignIn() throws Exception {
            mvc.perform(get("/experiments")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get("/experiments/exp")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }

        @Test
        void apiAnswers401() throws Exception {
            mvc.perform(get("/api/experiments")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/experiments.csv")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/experiments/exp")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/experiments/exp/results")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/experiments/exp/results.csv")).andExpect(status().isUnauthorized());
        }

        @Test
        void acknowledgementAnswers401AndWritesNothing() throws Exception {
            mvc.perform(post("/api/experiments/exp/srm-acknowledgement").with(csrf()))
                    .andExpect(status().isUnauthorized());
            verify(experiments, never()).acknowledge(anyString(), anyString());
        }
    }

    @Nested
    class Reading {
        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleSeesTheExperimentsPageAndApi(Role role) throws Exception {
            given(experiments.findAll()).willReturn(List.of(experiment("exp", true)));

            mvc.perform(get("/experiments").with(as("someone", role)))
                    .andExpect(status().isOk())
                    .andExpect(view().name("experiments/list"));
            mvc.perform(get("/api/experiments").with(as("someone", role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].experimentId").value("exp"))
                    .andExpect(jsonPath("$[0].srmFlagged").value(true))
                    .andExpect(jsonPath("$[0].variants[1].variant").value("host_b"))
                    .andExpect(jsonPath("$[0].variants[1].assigned").value(5190))
                    .andExpect(jsonPath("$[0].variants[1].observedShare").value(0.519))
                    .andExpect(jsonPath("$[0].variants[0].control").value(true));
        }

        @Test
        void userWithoutADashboardRoleIsForbidden() throws Exception {
            mvc.perform(get("/api/experiments").with(user("guest").roles("GUEST"))).andExpect(status().isForbidden());
            mvc.perform(post("/api/experiments/exp/srm-acknowledgement").with(user("guest").roles("GUEST")).with(csrf()))
                    .andExpect(status().isForbidden());
        }

        @Test
        void experimentPageCarriesTheIdNameAndTheCsrfTokenForTheAcknowledgement() throws Exception {
            givenExperiment("exp", true);

            mvc.perform(get("/experiments/exp").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(view().name("experiments/detail"))
                    .andExpect(content().string(containsString("data-experiment-id=\"exp\"")))
                    .andExpect(content().string(containsString("<meta name=\"_csrf\"")))
                    .andExpect(content().string(containsString("content=\"X-CSRF-TOKEN\"")));
        }

        @Test
        void unknownExperimentIs404() throws Exception {
            given(experiments.findById("nope")).willReturn(Optional.empty());

            mvc.perform(get("/experiments/nope").with(as("alex", Role.ANALYST))).andExpect(status().isNotFound());
            mvc.perform(get("/api/experiments/nope").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("No experiment with id 'nope'."));
            mvc.perform(get("/api/experiments/nope/results").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/experiments/nope/srm-acknowledgement").with(as("alex", Role.ANALYST)).with(csrf()))
                    .andExpect(status().isNotFound());
        }

        @Test
        void detailSaysWhetherThisUserHasAcknowledgedTheMismatch() throws Exception {
            givenExperiment("exp", true);
            given(experiments.findAcknowledgement("exp", "alex")).willReturn(Optional.of(ACKNOWLEDGED));
            given(experiments.findAcknowledgement("exp", "maria")).willReturn(Optional.empty());

            mvc.perform(get("/api/experiments/exp").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.experiment.name").value("Host A vs host B"))
                    .andExpect(jsonPath("$.srm.flagged").value(true))
                    .andExpect(jsonPath("$.srm.threshold").value(0.001))
                    .andExpect(jsonPath("$.srm.acknowledgedAt").value("2026-03-04T10:00:00Z"))
                    .andExpect(jsonPath("$.srm.resultsVisible").value(true));
            mvc.perform(get("/api/experiments/exp").with(as("maria", Role.MARKETING)))
                    .andExpect(jsonPath("$.srm.acknowledgedAt").value(nullValue()))
                    .andExpect(jsonPath("$.srm.resultsVisible").value(false));
        }

        @Test
        void experimentsCsvListsVariantsWithTheirAssignedCounts() throws Exception {
            given(experiments.findAll()).willReturn(List.of(experiment("exp", false)));

            mvc.perform(get("/api/experiments.csv").with(as("eve", Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("text/csv"))
                    .andExpect(content().string(containsString(
                            "exp,Host A vs host B,Host B sells more,converted,host_a,host_a:4810;host_b:5190,10000,0.62,false,,")));
        }
    }

    @Nested
    class Significance {
        @Test
        void aRelativeIntervalCrossingZeroIsNotSignificantEvenWhenTheAbsoluteTestIs() throws Exception {
            givenExperiment("exp", false);

            // Raw row: absolute CI [0.00005, 0.01815] (p 0.0486), relative CI [−0.0142, 0.3642].
            mvc.perform(get("/api/experiments/exp/results").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].absSignificant").value(true))
                    .andExpect(jsonPath("$[0].relSignificant").value(false))
                    .andExpect(jsonPath("$[1].relSignificant").value(false));
        }

        @Test
        void anIntervalThatCannotBeComputedIsNeitherSignificantNorNot() {
            ExperimentResult r = new ExperimentResult("exp", "visited_store", "b", false, 10L, 0.1, 10L, 0.0, 0.1,
                    0.02, 0.18, null, null, null, null, null, null, null, null, null, null, null, "zero_control_mean");

            org.assertj.core.api.Assertions.assertThat(r.absSignificant()).isTrue();
            org.assertj.core.api.Assertions.assertThat(r.relSignificant()).isNull();
        }

        @Test
        void aNegativeIntervalBelowZeroIsSignificant() {
            ExperimentResult r = new ExperimentResult("exp", "revenue", "b", false, 10L, 1.0, 10L, 2.0, -1.0,
                    -1.8, -0.2, -0.5, -0.9, -0.1, 0.01, 0.03, 0.03, null, null, null, null, null, null);

            org.assertj.core.api.Assertions.assertThat(r.absSignificant()).isTrue();
            org.assertj.core.api.Assertions.assertThat(r.relSignificant()).isTrue();
        }
    }

    @Nested
    class PrimaryMetric {
        @Test
        void detailSaysWhetherThePrimaryMetricHasResults() throws Exception {
            givenExperiment("exp", false);
            given(experiments.hasResults("exp", "converted")).willReturn(true);

            mvc.perform(get("/api/experiments/exp").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.experiment.primaryMetric").value("converted"))
                    .andExpect(jsonPath("$.primaryMetricHasResults").value(true));
        }

        @Test
        void aPrimaryMetricWithoutResultsIsKeptAndSaidToHaveNone() throws Exception {
            Experiment e = experiment("exp", false);
            given(experiments.findById("exp")).willReturn(Optional.of(new Experiment(e.experimentId(), e.name(),
                    e.hypothesis(), "basket_size", e.controlVariant(), e.startsAt(), e.endsAt(), e.assigned(),
                    e.srmPValue(), e.srmFlagged(), e.srmErrorCode(), e.lastShowEnd(), e.status(), e.finalAt(),
                    e.variants(), e.dataThrough())));

            mvc.perform(get("/api/experiments/exp").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.experiment.primaryMetric").value("basket_size"))
                    .andExpect(jsonPath("$.primaryMetricHasResults").value(false));
        }
    }

    @Nested
    class Decision {
        @Test
        void detailLeadsWithTheDecisionPerVariantAndWhatTheDataCanDetect() throws Exception {
            givenExperiment("exp", false);
            given(experiments.findDecisions("exp")).willReturn(List.of(new ExperimentDecision("host_b", "converted",
                    "ship", "Ship host_b: converted +17.5% against control (Holm-adjusted p = 0.010 < 0.05).", 0.0123,
                    0.41, 24_500.0)));

            mvc.perform(get("/api/experiments/exp").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.decisions[0].variant").value("host_b"))
                    .andExpect(jsonPath("$.decisions[0].decision").value("ship"))
                    .andExpect(jsonPath("$.decisions[0].reason").value(containsString("Holm-adjusted p = 0.010")))
                    .andExpect(jsonPath("$.decisions[0].power10pct").value(0.41))
                    .andExpect(jsonPath("$.decisions[0].nNeeded10pct").value(24_500.0));
        }

        @Test
        void aFlaggedExperimentShowsItsBlockedDecisionBeforeAnyAcknowledgement() throws Exception {
            givenExperiment("exp", true);
            given(experiments.findDecisions("exp")).willReturn(List.of(new ExperimentDecision("host_b", "converted",
                    "srm_blocked", "Blocked by a sample-ratio mismatch", null, null, null)));

            mvc.perform(get("/api/experiments/exp").with(as("maria", Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.srm.resultsVisible").value(false))
                    .andExpect(jsonPath("$.decisions[0].decision").value("srm_blocked"));
        }
    }

    @Nested
    class Planner {
        @Test
        void answersCustomersPerArmAndShowsAtTheUsualAudience() throws Exception {
            given(experiments.recentAudience(10)).willReturn(new ExperimentRepository.Audience(850.0, 10));

            // 5% -> 5.5%, even split, alpha 5%, power 80%: 31,231 per arm (make_decision_reference.py's first case).
            mvc.perform(get("/api/experiments/planner?baseline=0.05&lift=0.10").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.controlCustomers").value(31_231))
                    .andExpect(jsonPath("$.treatmentCustomers").value(31_231))
                    .andExpect(jsonPath("$.totalCustomers").value(62_462))
                    .andExpect(jsonPath("$.audiencePerShow").value(850.0))
                    .andExpect(jsonPath("$.shows").value(74));
        }

        @Test
        void anInputOutOfRangeIs400NamingIt() throws Exception {
            given(experiments.recentAudience(10)).willReturn(new ExperimentRepository.Audience(null, 0));

            mvc.perform(get("/api/experiments/planner?baseline=1.5&lift=0.10").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("baseline must be between 0 and 1")));
        }

        @Test
        void thePlannerPageIsServedBeforeTheExperimentIdPattern() throws Exception {
            mvc.perform(get("/experiments/planner").with(as("maria", Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(view().name("experiments/planner"));
        }
    }

    @Nested
    class SampleRatioGate {
        @Test
        void resultsOfAFlaggedExperimentAre409UntilThisUserAcknowledges() throws Exception {
            givenExperiment("exp", true);
            given(experiments.findAcknowledgement("exp", "alex")).willReturn(Optional.empty());

            mvc.perform(get("/api/experiments/exp/results").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(409))
                    .andExpect(jsonPath("$.code").value("srm_not_acknowledged"))
                    .andExpect(jsonPath("$.type").value("urn:showmetrics:problem:srm_not_acknowledged"))
                    .andExpect(jsonPath("$.detail").value(containsString("POST /api/experiments/exp/srm-acknowledgement")));
            mvc.perform(get("/api/experiments/exp/results.csv").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("srm_not_acknowledged"));
        }

        @Test
        void resultsAre200AfterThisUsersAcknowledgement() throws Exception {
            givenExperiment("exp", true);
            given(experiments.findAcknowledgement("exp", "alex")).willReturn(Optional.of(ACKNOWLEDGED));

            mvc.perform(get("/api/experiments/exp/results").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].metric").value("converted"))
                    .andExpect(jsonPath("$[0].adjusted").value(false))
                    .andExpect(jsonPath("$[0].relCiLow").value(-0.0142))
                    .andExpect(jsonPath("$[0].pValueHolm").value(0.0972))
                    .andExpect(jsonPath("$[0].theta").value(nullValue()))
                    .andExpect(jsonPath("$[1].adjusted").value(true))
                    .andExpect(jsonPath("$[1].varianceReduction").value(0.18));
        }

        @Test
        void anotherUsersAcknowledgementDoesNotUnlockTheResults() throws Exception {
            givenExperiment("exp", true);
            given(experiments.findAcknowledgement("exp", "alex")).willReturn(Optional.of(ACKNOWLEDGED));
            given(experiments.findAcknowledgement("exp", "eve")).willReturn(Optional.empty());

            mvc.perform(get("/api/experiments/exp/results").with(as("eve", Role.EXECUTIVE)))
                    .andExpect(status().isConflict());
        }

        @Test
        void resultsOfAnUnflaggedExperimentNeedNoAcknowledgement() throws Exception {
            givenExperiment("exp", false);

            mvc.perform(get("/api/experiments/exp/results").with(as("maria", Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(2));
            verify(experiments, never()).findAcknowledgement(anyString(), anyString());
        }

        @Test
        void storeVisitsOfAFlaggedExperimentAre409UntilThisUserAcknowledges() throws Exception {
            givenExperiment("exp", true);
            given(experiments.findAcknowledgement("exp", "alex")).willReturn(Optional.empty());
            given(experiments.findIncrementalVisits("exp")).willReturn(List.of(new ExperimentRepository.IncrementalRow(
                    false, new ExperimentVisits.Variant("host_b", "host_a", 5190, 4810, 96.0, 12.5, 179.5, null))));

            mvc.perform(get("/api/experiments/exp/store-visits").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("srm_not_acknowledged"));

            given(experiments.findAcknowledgement("exp", "alex")).willReturn(Optional.of(ACKNOWLEDGED));
            mvc.perform(get("/api/experiments/exp/store-visits").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.holdout").value(false))
                    .andExpect(jsonPath("$.variants[0].variant").value("host_b"))
                    .andExpect(jsonPath("$.variants[0].controlVariant").value("host_a"))
                    .andExpect(jsonPath("$.variants[0].visits").value(96.0));
        }

        @Test
        void acknowledgingRecordsTheSignedInUser() throws Exception {
            givenExperiment("exp", true);
            given(experiments.acknowledge("exp", "alex"))
                    .willReturn(new SrmAcknowledgement("exp", "alex", ACKNOWLEDGED));

            mvc.perform(post("/api/experiments/exp/srm-acknowledgement").with(as("alex", Role.ANALYST)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.experimentId").value("exp"))
                    .andExpect(jsonPath("$.username").value("alex"))
                    .andExpect(jsonPath("$.acknowledgedAt").value("2026-03-04T10:00:00Z"));
            verify(experiments).acknowledge("exp", "alex");
        }

        @Test
        void acknowledgingWithoutACsrfTokenIsForbiddenAndWritesNothing() throws Exception {
            givenExperiment("exp", true);

            mvc.perform(post("/api/experiments/exp/srm-acknowledgement").with(as("alex", Role.ANALYST)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/experiments/exp/srm-acknowledgement").with(as("alex", Role.ANALYST))
                            .with(csrf().useInvalidToken()))
                    .andExpect(status().isForbidden());
            verify(experiments, never()).acknowledge(anyString(), anyString());
        }

        @Test
        void resultsCsvHasRawAndCupedLinesOnceVisible() throws Exception {
            givenExperiment("exp", false);

            mvc.perform(get("/api/experiments/exp/results.csv").with(as("eve", Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("experiment-exp-results.csv")))
                    .andExpect(content().string(containsString("metric,variant,analysis,n,value,control_n,control_value,"
                            + "abs_lift,abs_ci_low,abs_ci_high,rel_lift,rel_ci_low,rel_ci_high,p_value,p_value_holm,"
                            + "p_value_bh,seq_ci_low,seq_ci_high,theta,variance_reduction,srm_p_value,error_code\r\n")))
                    .andExpect(content().string(containsString("converted,host_b,raw,5190,0.0611,4810,0.052,0.0091,"
                            + "0.00005,0.01815,0.175,-0.0142,0.3642,0.0486,0.0972,0.0972,-0.0061,0.0243,,,0.000145,\r\n")))
                    .andExpect(content().string(containsString("converted,host_b,cuped,")));
        }
    }

    @Nested
    class Navigation {
        @Test
        void analystsSeeExperimentsFirstInTheNavigation() throws Exception {
            String html = mvc.perform(get("/experiments").with(as("alex", Role.ANALYST)))
                    .andReturn().getResponse().getContentAsString();

            org.assertj.core.api.Assertions.assertThat(html.indexOf(">Experiments</a>"))
                    .isPositive().isLessThan(html.indexOf(">Shows</a>"));
        }

        @Test
        void otherRolesSeeShowsFirst() throws Exception {
            String html = mvc.perform(get("/experiments").with(as("maria", Role.MARKETING)))
                    .andReturn().getResponse().getContentAsString();

            org.assertj.core.api.Assertions.assertThat(html.indexOf(">Shows</a>"))
                    .isPositive().isLessThan(html.indexOf(">Experiments</a>"));
        }
    }
}
