package io.showmetrics.dashboard.shows;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.showmetrics.dashboard.experiments.ExperimentVisits;
import io.showmetrics.dashboard.experiments.ExperimentVisitsService;
import io.showmetrics.dashboard.goals.GoalAttainments;
import io.showmetrics.dashboard.system.Csv;
import io.showmetrics.dashboard.system.Role;
import io.showmetrics.dashboard.system.WebSecurityTestConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
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

@WebMvcTest({ShowController.class, ShowApiController.class})
@Import(WebSecurityTestConfig.class)
class ShowControllerTest {
    private static final Instant START = Instant.parse("2026-03-01T19:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ShowRepository shows;

    @MockitoBean
    ExperimentVisitsService experimentVisits;

    @MockitoBean
    GoalAttainments goalAttainments;

    @BeforeEach
    void filterOptions() {
        given(shows.findFilterOptions()).willReturn(new ShowRepository.FilterOptions(List.of("Lena Park", "Omar Reyes"),
                List.of(new ShowRepository.ExperimentOption("exp-push", "Push invite"))));
    }

    static RequestPostProcessor as(Role role) {
        return user("someone").roles(role.name());
    }

    static ShowRow row(String showId) {
        return new ShowRow(showId, "Spring Collection Launch", "Lena Park", START, START.plusSeconds(3600), 3600,
                1234L, 812L, 754.4, null, 1520L, 210L, 40L, new BigDecimal("3120.5"), null, "provisional", Instant.parse("2026-03-31T20:15:00Z"),
                Instant.parse("2026-03-02T03:10:00Z"), Instant.parse("2026-03-02T02:00:00Z"), "exp-push", null);
    }

    static ShowDetail detail(String showId) {
        Show show = new Show(showId, "Spring Collection Launch", "Lena Park", START, START.plusSeconds(3600), 3600,
                null, "web", null);
        ShowKpi kpi = new ShowKpi(1234L, 456L, 812L, START.plusSeconds(1410), 754.4, 210L, 300L, null, 1520L, 870L,
                64L, 33L, 12L, 150L, 61L, 40L, new BigDecimal("3120.5"), 52L, null, null, null, null, null, null,
                null, null, null, null, null, null, "provisional", Instant.parse("2026-03-31T20:15:00Z"),
                "run-1", Instant.parse("2026-03-02T03:10:00Z"), Instant.parse("2026-03-02T02:00:00Z"));
        return new ShowDetail(show, kpi);
    }

    @Nested
    class Anonymous {
        @Test
        void pageRedirectsToSignIn() throws Exception {
            mvc.perform(get("/shows")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }

        @Test
        void apiAnswers401InsteadOfARedirect() throws Exception {
            mvc.perform(get("/api/shows")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/shows/s1")).andExpect(status().isUnauthorized());
        }

        @Test
        void csvAnswers401() throws Exception {
            mvc.perform(get("/api/shows.csv")).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    class SignedIn {
        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleSeesTheShowsPage(Role role) throws Exception {
            mvc.perform(get("/shows").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(view().name("shows/list"))
                    .andExpect(content().string(containsString("/api/shows.csv")));
        }

        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleReadsTheShowsApi(Role role) throws Exception {
            given(shows.findAll(any())).willReturn(List.of(row("s1")));

            mvc.perform(get("/api/shows").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].showId").value("s1"))
                    .andExpect(jsonPath("$[0].uniqueViewers").value(1234))
                    .andExpect(jsonPath("$[0].engagementRate").value(nullValue()))
                    .andExpect(jsonPath("$[0].startsAt").value("2026-03-01T19:00:00Z"))
                    .andExpect(jsonPath("$[0].status").value("provisional"));
        }

        @Test
        void userWithoutADashboardRoleIsForbidden() throws Exception {
            mvc.perform(get("/api/shows").with(user("guest").roles("GUEST"))).andExpect(status().isForbidden());
        }

        @Test
        void showPageCarriesTheShowsIdAndTitle() throws Exception {
            given(shows.findById("s1")).willReturn(Optional.of(detail("s1")));

            mvc.perform(get("/shows/s1").with(as(Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(view().name("shows/detail"))
                    .andExpect(model().attribute("showTitle", "Spring Collection Launch"))
                    .andExpect(content().string(containsString("data-show-id=\"s1\"")));
        }

        @Test
        void unknownShowPageIs404() throws Exception {
            given(shows.findById("nope")).willReturn(Optional.empty());

            mvc.perform(get("/shows/nope").with(as(Role.ANALYST))).andExpect(status().isNotFound());
        }

        @Test
        void showApiReturnsEveryKpiWithNullsKeptAsNull() throws Exception {
            given(shows.findById("s1")).willReturn(Optional.of(detail("s1")));

            mvc.perform(get("/api/shows/s1").with(as(Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.show.title").value("Spring Collection Launch"))
                    .andExpect(jsonPath("$.show.durationSeconds").value(3600))
                    .andExpect(jsonPath("$.kpi.peakConcurrentViewers").value(812))
                    .andExpect(jsonPath("$.kpi.peakAt").value("2026-03-01T19:23:30Z"))
                    .andExpect(jsonPath("$.kpi.engagementRate").value(nullValue()))
                    .andExpect(jsonPath("$.kpi.finalAt").value("2026-03-31T20:15:00Z"));
        }

        @Test
        void funnelRunsViewersEngagedClickedCartedBoughtAndSaysBuyersAreIdentifiedViewers() throws Exception {
            given(shows.findById("s1")).willReturn(Optional.of(detail("s1")));

            mvc.perform(get("/api/shows/s1/funnel").with(as(Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].key").value(org.hamcrest.Matchers.contains(
                            "viewers", "engaged", "clicked", "carted", "bought")))
                    .andExpect(jsonPath("$[*].metric").value(org.hamcrest.Matchers.contains(
                            "unique_viewers", "engaged_viewers", "product_clickers", "carters", "buyers_24h")))
                    .andExpect(jsonPath("$[*].value").value(org.hamcrest.Matchers.contains(1234, 300, 150, 61, 52)))
                    .andExpect(jsonPath("$[4].label").value("Bought within 24 h, any channel"))
                    .andExpect(jsonPath("$[4].note").value(containsString("identified (logged-in) viewers only")));
        }

        @Test
        void funnelOfAShowNotComputedYetHasNullCountsAndOfAnUnknownShowIs404() throws Exception {
            ShowDetail d = detail("s2");
            given(shows.findById("s2")).willReturn(Optional.of(new ShowDetail(d.show(), null)));
            given(shows.findById("nope")).willReturn(Optional.empty());

            mvc.perform(get("/api/shows/s2/funnel").with(as(Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(5))
                    .andExpect(jsonPath("$[0].value").value(nullValue()));
            mvc.perform(get("/api/shows/nope/funnel").with(as(Role.ANALYST))).andExpect(status().isNotFound());
        }

        @Test
        void storeVisitsCarryTheCoveringExperimentsNumberAsTheSignedInUserMaySeeIt() throws Exception {
            ShowDetail d = detail("s1");
            Show covered = new Show("s1", d.show().title(), d.show().host(), START, START.plusSeconds(3600), 3600,
                    "exp-hold", "web", null);
            given(shows.findById("s1")).willReturn(Optional.of(new ShowDetail(covered, d.kpi())));
            given(shows.findStoreVisits("s1")).willReturn(new StoreVisits(List.of(), List.of(), 12.0, 10L, 0.4, null));
            given(experimentVisits.find("exp-hold", "someone")).willReturn(Optional.of(new ExperimentVisits("exp-hold",
                    "Push holdout", true, false, true, List.of(new ExperimentVisits.Variant("push", "holdout", 700, 300,
                            35.0, 8.2, 61.8, null)))));

            mvc.perform(get("/api/shows/s1/store-visits").with(as(Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.influencedStoreVisits").value(12.0))
                    .andExpect(jsonPath("$.experiment.name").value("Push holdout"))
                    .andExpect(jsonPath("$.experiment.holdout").value(true))
                    .andExpect(jsonPath("$.experiment.variants[0].visits").value(35.0))
                    .andExpect(jsonPath("$.incrementalVisits").doesNotExist());
        }

        @Test
        void storeVisitsOfAShowNoExperimentCoversHaveNoExperiment() throws Exception {
            given(shows.findById("s1")).willReturn(Optional.of(detail("s1")));
            given(shows.findStoreVisits("s1")).willReturn(new StoreVisits(List.of(), List.of(), 12.0, 10L, 0.4, null));

            mvc.perform(get("/api/shows/s1/store-visits").with(as(Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.experiment").value(nullValue()));
        }

        @Test
        void unknownShowApiIsA404ProblemDocument() throws Exception {
            given(shows.findById("nope")).willReturn(Optional.empty());

            mvc.perform(get("/api/shows/nope").with(as(Role.MARKETING)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.detail").value("No show with id 'nope'."));
        }

        @Test
        void minutesOfAnUnknownShowAre404() throws Exception {
            given(shows.exists("nope")).willReturn(false);

            mvc.perform(get("/api/shows/nope/minutes").with(as(Role.MARKETING))).andExpect(status().isNotFound());
            mvc.perform(get("/api/shows/nope/minutes.csv").with(as(Role.MARKETING))).andExpect(status().isNotFound());
        }

        @Test
        void minutesComeInTimeOrder() throws Exception {
            given(shows.exists("s1")).willReturn(true);
            given(shows.findMinutes("s1")).willReturn(List.of(
                    new ShowMinute(0, START, 100, 100, 4, 1, 0, 0, BigDecimal.ZERO, 100, 0),
                    new ShowMinute(1, START.plusSeconds(60), 200, 120, 9, 2, 1, 1, new BigDecimal("79.9"), 120, 20)));

            mvc.perform(get("/api/shows/s1/minutes").with(as(Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[1].minuteStart").value("2026-03-01T19:01:00Z"))
                    .andExpect(jsonPath("$[1].viewers").value(200))
                    .andExpect(jsonPath("$[1].chatEvents").value(9))
                    .andExpect(jsonPath("$[1].newViewers").value(120));
        }

        @Test
        void showsCsvIsADownloadWithEmptyCellsForNull() throws Exception {
            given(shows.findAll(any())).willReturn(List.of(row("s1")));

            mvc.perform(get("/api/shows.csv").with(as(Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("text/csv"))
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(header().string("Content-Disposition", containsString("shows.csv")))
                    .andExpect(content().string(containsString(
                            "s1,Spring Collection Launch,Lena Park,2026-03-01T19:00:00Z,2026-03-01T20:00:00Z,3600,"
                                    + "1234,812,754.4,,1520,210,40,3120.5,,,exp-push,provisional,2026-03-31T20:15:00Z\r\n")));
        }

        @Test
        void minutesCsvListsEveryMinute() throws Exception {
            given(shows.exists("s1")).willReturn(true);
            given(shows.findMinutes("s1")).willReturn(List.of(
                    new ShowMinute(0, START, 100, 100, 4, 1, 0, 0, new BigDecimal("0.0000"), 100, 0)));

            mvc.perform(get("/api/shows/s1/minutes.csv").with(as(Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(
                            Csv.BOM + "minute_index,minute_start,viewers,new_viewers,chat_events,product_clicks,add_to_carts,orders,gmv,"
                                    + "viewers_joined,viewers_lost\r\n"
                                    + "0,2026-03-01T19:00:00Z,100,100,4,1,0,0,0,100,0\r\n"));
        }
    
        @Test
        void momentsComeInTimeOrderWithTheirDeltas() throws Exception {
            given(shows.exists("s1")).willReturn(true);
            given(shows.findMoments("s1")).willReturn(List.of(
                    ShowMoment.of(START.plusSeconds(435), 435, "product_pin", "SKU-LINEN-DRESS", "Linen dress", 790L,
                            12L, 41L, 1L, 6L),
                    ShowMoment.of(START.plusSeconds(1890), 1890, "promo", null, "20% off", null, 30L, 22L, null, 4L)));

            mvc.perform(get("/api/shows/s1/moments").with(as(Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].ts").value("2026-03-01T19:07:15Z"))
                    .andExpect(jsonPath("$[0].offsetSeconds").value(435))
                    .andExpect(jsonPath("$[0].type").value("product_pin"))
                    .andExpect(jsonPath("$[0].clicksDelta").value(29))
                    .andExpect(jsonPath("$[0].ordersDelta").value(5))
                    .andExpect(jsonPath("$[1].sku").value(nullValue()))
                    .andExpect(jsonPath("$[1].clicksDelta").value(-8))
                    .andExpect(jsonPath("$[1].ordersDelta").value(nullValue()));
        }

        @Test
        void momentsCsvHasTheDeltasAndEmptyCellsForNull() throws Exception {
            given(shows.exists("s1")).willReturn(true);
            given(shows.findMoments("s1")).willReturn(List.of(
                    ShowMoment.of(START.plusSeconds(1890), 1890, "promo", null, "-20% on denim", null, 30L, 22L, null, 4L)));

            mvc.perform(get("/api/shows/s1/moments.csv").with(as(Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("show-s1-moments.csv")))
                    .andExpect(content().string(
                            Csv.BOM + "ts,offset_seconds,type,sku,label,viewers_present,clicks_before,clicks_after,clicks_delta,"
                                    + "orders_before,orders_after,orders_delta\r\n"
                                    + "2026-03-01T19:31:30Z,1890,promo,,'-20% on denim,,30,22,-8,,4,\r\n"));
        }

        @Test
        void momentsOfAnUnknownShowAre404() throws Exception {
            given(shows.exists("nope")).willReturn(false);

            mvc.perform(get("/api/shows/nope/moments").with(as(Role.MARKETING))).andExpect(status().isNotFound());
            mvc.perform(get("/api/shows/nope/moments.csv").with(as(Role.MARKETING))).andExpect(status().isNotFound());
        }

        @Test
        void diagnosisNamesTheWeakestMetricsAndTheBiggestDrops() throws Exception {
            given(shows.findById("s1")).willReturn(Optional.of(detail("s1")));
            given(shows.findBenchmarks("s1")).willReturn(List.of(
                    new ShowBenchmark("unique_viewers", "Unique viewers", "count", 1200.0, 1000.0, 10, 0.9),
                    new ShowBenchmark("conversion_rate_24h", "Conversion rate (24 h)", "ratio", 0.021, 0.034, 10, 0.15),
                    new ShowBenchmark("live_gmv", "Live GMV", "currency", 900.0, 1500.0, 4, 0.0),
                    new ShowBenchmark("aov", "Average order value", "currency", null, 70.0, 10, null)));
            given(shows.findMinutes("s1")).willReturn(List.of(
                    new ShowMinute(0, START, 100, 100, 0, 0, 0, 0, BigDecimal.ZERO, 100, 0),
                    new ShowMinute(1, START.plusSeconds(60), 60, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 40)));
            given(shows.findMoments("s1")).willReturn(List.of(ShowMoment.of(START.plusSeconds(30), 30, "promo", null,
                    "Code SPRING", 100L, null, null, null, null)));

            mvc.perform(get("/api/shows/s1/diagnosis").with(as(Role.EXECUTIVE)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.benchmarks.length()").value(4))
                    .andExpect(jsonPath("$.weakest[0].benchmark.metric").value("live_gmv"))
                    .andExpect(jsonPath("$.weakest[0].rank").value("lowest of the last 4 shows"))
                    .andExpect(jsonPath("$.weakest[1].rank").value("lowest 20 % of the last 10 shows"))
                    .andExpect(jsonPath("$.weakest.length()").value(3))
                    .andExpect(jsonPath("$.drops[0].viewersLost").value(40))
                    .andExpect(jsonPath("$.drops[0].moment.label").value("Code SPRING"));
        }

        @Test
        void productsCsvListsEveryProduct() throws Exception {
            given(shows.exists("s1")).willReturn(true);
            given(shows.findProducts("s1")).willReturn(List.of(
                    new ShowSku("SKU-1", 40, 12, 5, 6, new BigDecimal("479.4000"), 12.5, null)));

            mvc.perform(get("/api/shows/s1/products.csv").with(as(Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(
                            "sku,clickers,carters,live_orders,live_units,live_gmv,pinned_minutes,stockout_minutes\r\n"
                                    + "SKU-1,40,12,5,6,479.4,12.5,\r\n")));
        }

        @Test
        void marketingReadsAndExportsTheAudiences() throws Exception {
            given(shows.exists("s1")).willReturn(true);
            given(shows.findAudience("s1", "carted_not_bought")).willReturn(List.of("C-1", "C-2"));
            given(shows.findAudience("s1", "engaged_not_bought")).willReturn(List.of("C-3"));

            mvc.perform(get("/api/shows/s1/audiences").with(as(Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.carted_not_bought[1]").value("C-2"))
                    .andExpect(jsonPath("$.engaged_not_bought[0]").value("C-3"));
            mvc.perform(get("/api/shows/s1/audiences/carted_not_bought.csv").with(as(Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("show-s1-carted_not_bought.csv")))
                    .andExpect(content().string(containsString("customer_id\r\nC-1\r\nC-2\r\n")));
            mvc.perform(get("/api/shows/s1/audiences/everyone.csv").with(as(Role.MARKETING)))
                    .andExpect(status().isNotFound());
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"EXECUTIVE", "ANALYST"})
        void otherRolesAreForbiddenTheAudiences(Role role) throws Exception {
            given(shows.exists("s1")).willReturn(true);
            mvc.perform(get("/api/shows/s1/audiences").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/api/shows/s1/audiences/carted_not_bought.csv").with(as(role)))
                    .andExpect(status().isForbidden());
        }
}

    @Nested
    class ShowsList {
        @Test
        void theApiPassesEveryFilterToTheRepository() throws Exception {
            given(shows.findAll(any())).willReturn(List.of(row("s1")));

            mvc.perform(get("/api/shows").param("from", "2026-03-01").param("to", "2026-03-31")
                            .param("host", "Lena Park").param("q", " spring ").param("experiment", "exp-push")
                            .with(as(Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].showId").value("s1"));

            verify(shows).findAll(new ShowFilter(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"),
                    "Lena Park", "spring", "exp-push"));
        }

        @Test
        void blankFiltersDoNotFilter() throws Exception {
            given(shows.findAll(any())).willReturn(List.of());

            mvc.perform(get("/api/shows.csv").param("from", "").param("host", "  ").with(as(Role.ANALYST)))
                    .andExpect(status().isOk());

            verify(shows).findAll(ShowFilter.NONE);
        }

        @Test
        void aDateThatIsNotADateIsA400NamingTheParameter() throws Exception {
            mvc.perform(get("/api/shows").param("from", "2026-13-01").with(as(Role.MARKETING)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("invalid_filter"))
                    .andExpect(jsonPath("$.detail").value(
                            "'2026-13-01' in from is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01."));
            verifyNoInteractions(goalAttainments);
        }

        @Test
        void aRangeThatEndsBeforeItStartsIsA400() throws Exception {
            mvc.perform(get("/api/shows.csv").param("from", "2026-03-31").param("to", "2026-03-01")
                            .with(as(Role.MARKETING)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("starts after it ends")));
        }

        @Test
        void eachShowCarriesTheMeanAttainmentOfItsGoalsOrNull() throws Exception {
            given(shows.findAll(any())).willReturn(List.of(row("s1"), row("s2")));
            given(goalAttainments.meanByShow()).willReturn(Map.of("s1", 0.95));

            mvc.perform(get("/api/shows").with(as(Role.EXECUTIVE)))
                    .andExpect(jsonPath("$[0].goalAttainment").value(0.95))
                    .andExpect(jsonPath("$[0].liveOrders").value(40))
                    .andExpect(jsonPath("$[0].liveGmv").value(3120.5))
                    .andExpect(jsonPath("$[1].goalAttainment").value(nullValue()));
            mvc.perform(get("/api/shows.csv").with(as(Role.EXECUTIVE)))
                    .andExpect(content().string(containsString(
                            "live_orders,live_gmv,conversion_rate_24h,goal_attainment,experiment_id,status")))
                    .andExpect(content().string(containsString(",40,3120.5,,0.95,exp-push,provisional,")));
        }

        @Test
        void thePageEchoesTheFiltersIntoItsFormAndOffersTheHostsAndExperiments() throws Exception {
            mvc.perform(get("/shows").param("host", "Omar Reyes").param("q", "Denim").with(as(Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<option value=\"Omar Reyes\" selected=\"selected\">Omar Reyes</option>")))
                    .andExpect(content().string(containsString("value=\"Denim\"")))
                    .andExpect(content().string(containsString("Push invite (exp-push)")))
                    .andExpect(content().string(containsString("id=\"filter-clear\"")));
        }

        @Test
        void thePageWithoutFiltersHasNothingToClear() throws Exception {
            mvc.perform(get("/shows").with(as(Role.MARKETING)))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"filter-clear\""))));
        }
    }
}
