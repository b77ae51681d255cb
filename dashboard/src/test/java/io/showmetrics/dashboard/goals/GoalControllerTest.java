package io.showmetrics.dashboard.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.showmetrics.dashboard.system.Role;
import io.showmetrics.dashboard.system.WebSecurityTestConfig;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest({GoalController.class, GoalApiController.class, GoalApiExceptionHandler.class})
@Import(WebSecurityTestConfig.class)
class GoalControllerTest {
    private static final String BODY = "{\"showId\":\"s1\",\"metric\":\"unique_viewers\",\"target\":1500,\"direction\":\"at_least\"}";
    private static final String CSV = "show_id,metric,target,direction\r\ns1,unique_viewers,1500,at_least\r\n";
    private static final String SERIES_BODY = "{\"kind\":\"title_prefix\",\"pattern\":\"Spring\",\"metric\":\"live_gmv\","
            + "\"target\":\"€5,000\",\"direction\":\"at_least\"}";

    static SeriesGoalView seriesView(long id) {
        return new SeriesGoalView(id, "title_prefix", "Spring", "titles starting with “Spring”", "live_gmv", "Live GMV",
                "currency", 5000, "€5,000.00", "at_least", Instant.parse("2026-03-01T09:00:00Z"), "maria",
                Instant.parse("2026-03-01T09:00:00Z"), 2, 1);
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GoalService goals;

    static RequestPostProcessor as(Role role) {
        return user(role.code()).roles(role.name());
    }

    static GoalView view(long id) {
        return new GoalView(id, "s1", "Spring Collection Launch", Instant.parse("2026-03-01T19:00:00Z"),
                Instant.parse("2026-03-01T20:00:00Z"), "unique_viewers", "Unique viewers", "count", true, 1500,
                "1,500", "at_least", 1234.0, "missed", 1234.0 / 1500, false, Instant.parse("2026-03-01T20:15:00Z"),
                "maria", Instant.parse("2026-02-28T10:00:00Z"), Instant.parse("2026-03-05T00:00:00Z"), "show", null, null);
    }

    /** A write request, built fresh for each use (request builders collect post-processors). */
    record Write(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every write of the API and of the page's forms, as requests without a user. */
    static Stream<Write> writes() {
        return Stream.of(
                new Write("POST /api/goals", () -> post("/api/goals").contentType(MediaType.APPLICATION_JSON).content(BODY)),
                new Write("PUT /api/goals/7", () -> put("/api/goals/7").contentType(MediaType.APPLICATION_JSON).content(BODY)),
                new Write("DELETE /api/goals/7", () -> delete("/api/goals/7")),
                new Write("POST /api/goals/copy", () -> post("/api/goals/copy").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fromShowId\":\"s0\",\"toShowId\":\"s1\"}")),
                new Write("POST /api/goals/import", () -> post("/api/goals/import").contentType("text/csv").content(CSV)),
                new Write("POST /goals (form)", () -> post("/goals").param("showId", "s1").param("metric", "unique_viewers")
                        .param("target", "1500").param("direction", "at_least")),
                new Write("POST /goals/7/delete (form)", () -> post("/goals/7/delete")),
                new Write("POST /goals/copy (form)", () -> post("/goals/copy").param("toShowId", "s1")),
                new Write("POST /goals/import (form)", () -> multipart("/goals/import")
                        .file(new MockMultipartFile("file", "goals.csv", "text/csv", CSV.getBytes()))),
                new Write("POST /api/goals/series", () -> post("/api/goals/series").contentType(MediaType.APPLICATION_JSON)
                        .content(SERIES_BODY)),
                new Write("PUT /api/goals/series/3", () -> put("/api/goals/series/3").contentType(MediaType.APPLICATION_JSON)
                        .content(SERIES_BODY)),
                new Write("DELETE /api/goals/series/3", () -> delete("/api/goals/series/3")),
                new Write("POST /goals/series (form)", () -> post("/goals/series").param("kind", "host")
                        .param("pattern", "Lena Park").param("metric", "live_gmv").param("target", "€600")
                        .param("direction", "at_least")),
                new Write("POST /goals/series/3/delete (form)", () -> post("/goals/series/3/delete")));
    }

    static Stream<Arguments> writesByReaders() {
        return writes().flatMap(w -> Stream.of(Role.EXECUTIVE, Role.ANALYST).map(r -> Arguments.of(w, r)));
    }

    @Nested
    class OnlyMarketingWrites {
        @ParameterizedTest(name = "{1}: {0}")
        @MethodSource("io.showmetrics.dashboard.goals.GoalControllerTest#writesByReaders")
        void executivesAndAnalystsAreForbiddenEveryWrite(Write write, Role role) throws Exception {
            mvc.perform(write.request().get().with(as(role)).with(csrf())).andExpect(status().isForbidden());
            verifyNoInteractions(goals);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.showmetrics.dashboard.goals.GoalControllerTest#writes")
        void marketingWithoutTheCsrfTokenIsForbidden(Write write) throws Exception {
            mvc.perform(write.request().get().with(as(Role.MARKETING))).andExpect(status().isForbidden());
            verifyNoInteractions(goals);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.showmetrics.dashboard.goals.GoalControllerTest#writes")
        void marketingWithAWrongCsrfTokenIsForbidden(Write write) throws Exception {
            mvc.perform(write.request().get().with(as(Role.MARKETING)).with(csrf().useInvalidToken()))
                    .andExpect(status().isForbidden());
            verifyNoInteractions(goals);
        }

        @Test
        void anonymousApiWritesGet401AndFormsGoToSignIn() throws Exception {
            mvc.perform(post("/api/goals").contentType(MediaType.APPLICATION_JSON).content(BODY).with(csrf()))
                    .andExpect(status().isUnauthorized());
            mvc.perform(delete("/api/goals/7").with(csrf())).andExpect(status().isUnauthorized());
            mvc.perform(post("/goals").param("showId", "s1").with(csrf())).andExpect(redirectedUrl("/login"));
            verifyNoInteractions(goals);
        }

        @Test
        void anonymousReadsGet401() throws Exception {
            mvc.perform(get("/api/goals")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/goals.csv")).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    class MarketingWrites {
        @Test
        void createAnswers201WithTheGoalAndItsLocation() throws Exception {
            given(goals.create(new GoalDraft("s1", "unique_viewers", "1500", "at_least"), "marketing")).willReturn(view(7));

            mvc.perform(post("/api/goals").contentType(MediaType.APPLICATION_JSON).content(BODY)
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/goals/7"))
                    .andExpect(jsonPath("$.goalId").value(7))
                    .andExpect(jsonPath("$.status").value("missed"))
                    .andExpect(jsonPath("$.attainment").value(1234.0 / 1500));
        }

        @Test
        void aSeriesGoalIsCreatedFromTheTypedTarget() throws Exception {
            given(goals.createSeries(new SeriesGoalDraft("title_prefix", "Spring", "live_gmv", "€5,000", "at_least"),
                    "marketing")).willReturn(seriesView(3));

            mvc.perform(post("/api/goals/series").contentType(MediaType.APPLICATION_JSON).content(SERIES_BODY)
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/goals/series/3"))
                    .andExpect(jsonPath("$.series").value("titles starting with “Spring”"))
                    .andExpect(jsonPath("$.upcomingShows").value(1));
        }

        @Test
        void theSeriesFormComesBackWithANoticeOrItsErrors() throws Exception {
            given(goals.createSeries(any(), eq("marketing"))).willReturn(seriesView(3));

            mvc.perform(post("/goals/series").param("kind", "title_prefix").param("pattern", "Spring")
                            .param("metric", "live_gmv").param("target", "€5,000").param("direction", "at_least")
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attribute("notice", "Series goal set: Live GMV ≥ €5,000.00 for titles starting "
                            + "with “Spring”, from now on (1 upcoming show without a goal of their own)."));

            given(goals.createSeries(any(), eq("marketing"))).willThrow(GoalValidationException.invalid(List.of(
                    GoalErrors.seriesPatternRequired("host"))));
            mvc.perform(post("/goals/series").param("kind", "host").param("metric", "live_gmv")
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attributeExists("seriesErrors", "seriesValues"));
        }

        @Test
        void updateAndDeleteAnswer200And204() throws Exception {
            given(goals.update(eq(7L), any(), eq("marketing"))).willReturn(view(7));

            mvc.perform(put("/api/goals/7").contentType(MediaType.APPLICATION_JSON).content(BODY)
                    .with(as(Role.MARKETING)).with(csrf())).andExpect(status().isOk());
            mvc.perform(delete("/api/goals/7").with(as(Role.MARKETING)).with(csrf())).andExpect(status().isNoContent());
            verify(goals).delete(7L, "marketing");
        }

        @Test
        void invalidGoalIs400WithEveryErrorAndItsField() throws Exception {
            given(goals.create(any(), anyString())).willThrow(GoalValidationException.invalid(List.of(
                    GoalErrors.unknownShow(null, "s1"), GoalErrors.targetNotANumber(null, "abc"))));

            mvc.perform(post("/api/goals").contentType(MediaType.APPLICATION_JSON).content(BODY)
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("invalid_goal"))
                    .andExpect(jsonPath("$.errors[0].field").value("showId"))
                    .andExpect(jsonPath("$.errors[1].message").value(containsString("'abc' is not a number")));
        }

        @Test
        void duplicateGoalIs409() throws Exception {
            given(goals.create(any(), anyString())).willThrow(GoalValidationException.conflict(
                    GoalErrors.duplicate(null, "s1", "unique_viewers", 3)));

            mvc.perform(post("/api/goals").contentType(MediaType.APPLICATION_JSON).content(BODY)
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("duplicate_goal"))
                    .andExpect(jsonPath("$.detail").value(containsString("already has a goal on unique_viewers (goal 3)")));
        }

        @Test
        void importReportsEveryBadLine() throws Exception {
            given(goals.importCsv(anyString(), eq("marketing"))).willThrow(GoalValidationException.invalid(List.of(
                    GoalErrors.directionInvalid(3, "above"))));

            mvc.perform(post("/api/goals/import").contentType("text/csv").content(CSV)
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].line").value(3))
                    .andExpect(jsonPath("$.errors[0].field").value("direction"));
        }

        @Test
        void tenMegabytesOfBadLinesAre413WithASmallReplyAndNothingRead() throws Exception {
            byte[] tenMegabytes = GoalServiceIT.badLines(10 * 1024 * 1024).getBytes();

            String reply = mvc.perform(post("/api/goals/import").contentType("text/csv").content(tenMegabytes)
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(status().is(413))
                    .andExpect(jsonPath("$.code").value("file_too_large"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("more than the 1048576 bytes")))
                    .andReturn().getResponse().getContentAsString();

            assertThat(reply.length()).isLessThan(1000);
            verifyNoInteractions(goals);
        }

        @Test
        void aBodyWithoutALengthIsReadOnlyUpToTheLimit() throws Exception {
            byte[] twoMegabytes = GoalServiceIT.badLines(2 * 1024 * 1024).getBytes();
            ByteArrayInputStream body = new ByteArrayInputStream(twoMegabytes);

            assertThatThrownBy(() -> GoalApiController.text(body, -1)).isInstanceOfSatisfying(
                    GoalValidationException.class, e -> assertThat(e.code()).isEqualTo("file_too_large"));
            assertThat(body.available()).isEqualTo(twoMegabytes.length - GoalCsv.MAX_BYTES - 1);
        }

        @Test
        void tenMegabyteUploadIs413ForTheApiAndAnErrorOnTheGoalsPage() throws Exception {
            MockMultipartFile big = new MockMultipartFile("file", "big.csv", "text/csv",
                    GoalServiceIT.badLines(10 * 1024 * 1024).getBytes());

            mvc.perform(multipart("/api/goals/import").file(big).with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(status().is(413))
                    .andExpect(jsonPath("$.errors.length()").value(1));
            mvc.perform(multipart("/goals/import").file(big).with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attribute("importErrors", List.of(GoalErrors.fileTooLarge(big.getSize()))));
            verifyNoInteractions(goals);
        }

        @Test
        void importAcceptsAMultipartUpload() throws Exception {
            given(goals.importCsv(CSV, "marketing")).willReturn(new GoalService.WriteResult(null, 1, 0, List.of(view(1))));

            mvc.perform(multipart("/api/goals/import").file(new MockMultipartFile("file", "g.csv", "text/csv", CSV.getBytes()))
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.created").value(1));
        }

        @Test
        void formSaveRedirectsWithANoticeOrTheErrors() throws Exception {
            given(goals.create(new GoalDraft("s1", "unique_viewers", "1500", "at_least"), "marketing")).willReturn(view(7));
            mvc.perform(post("/goals").param("showId", "s1").param("metric", "unique_viewers").param("target", "1500")
                            .param("direction", "at_least").with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attribute("notice", "Goal set: Unique viewers ≥ 1,500 for Spring Collection Launch."));

            given(goals.create(new GoalDraft("s1", "unique_viewers", "lots", "at_least"), "marketing"))
                    .willThrow(GoalValidationException.invalid(List.of(GoalErrors.targetNotANumber(null, "lots"))));
            mvc.perform(post("/goals").param("showId", "s1").param("metric", "unique_viewers").param("target", "lots")
                            .param("direction", "at_least").with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attributeExists("formErrors"));
        }

        @Test
        void formWithAGoalIdUpdatesThatGoal() throws Exception {
            given(goals.exists(7L)).willReturn(true);
            given(goals.update(7L, new GoalDraft("s1", "unique_viewers", "1600", "at_least"), "marketing")).willReturn(view(7));

            mvc.perform(post("/goals").param("goalId", "7").param("showId", "s1").param("metric", "unique_viewers")
                            .param("target", "1600").param("direction", "at_least").with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attribute("notice", containsString("Goal updated: Unique viewers")));
            verify(goals, never()).create(any(), anyString());
        }

        @Test
        void formCopyRedirectsWithTheNumberCopiedOrTheErrors() throws Exception {
            given(goals.copy("", "s2", "marketing")).willReturn(new GoalService.WriteResult("s2", 3, 0, List.of()));
            mvc.perform(post("/goals/copy").param("fromShowId", "").param("toShowId", "s2")
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attribute("notice", "Copied 3 goals to show s2."));

            given(goals.copy("", "s1", "marketing")).willThrow(GoalValidationException.invalid(List.of(
                    GoalErrors.noPreviousShow("s1"))));
            mvc.perform(post("/goals/copy").param("fromShowId", "").param("toShowId", "s1")
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(flash().attributeExists("copyErrors"));
        }

        @Test
        void formImportWithABadLineRedirectsWithTheErrorReport() throws Exception {
            given(goals.importCsv(anyString(), eq("marketing"))).willThrow(GoalValidationException.invalid(List.of(
                    GoalErrors.unknownShow(2, "s-x"))));

            mvc.perform(multipart("/goals/import").file(new MockMultipartFile("file", "goals.csv", "text/csv", CSV.getBytes()))
                            .with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attribute("importFile", "goals.csv"))
                    .andExpect(flash().attributeExists("importErrors"));
        }

        @Test
        void formDeleteOfAGoalDeletedMeanwhileSaysSoAndChangesNothing() throws Exception {
            given(goals.exists(9L)).willReturn(false);

            mvc.perform(post("/goals/9/delete").with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attribute("pageError", "Goal 9 no longer exists (it was deleted): nothing was changed."));
            verify(goals, never()).delete(anyLong(), anyString());
        }

        @Test
        void formDeleteRedirectsWithANotice() throws Exception {
            given(goals.exists(7L)).willReturn(true);
            given(goals.get(7L)).willReturn(view(7));

            mvc.perform(post("/goals/7/delete").with(as(Role.MARKETING)).with(csrf()))
                    .andExpect(redirectedUrl("/goals"))
                    .andExpect(flash().attribute("notice", "Goal deleted: Unique viewers for Spring Collection Launch."));
            verify(goals).delete(7L, "marketing");
        }

        @Test
        void unknownGoalIs404() throws Exception {
            given(goals.update(eq(99L), any(), anyString()))
                    .willThrow(new io.showmetrics.dashboard.system.NotFoundException("No goal with id 99."));

            mvc.perform(put("/api/goals/99").contentType(MediaType.APPLICATION_JSON).content(BODY)
                    .with(as(Role.MARKETING)).with(csrf())).andExpect(status().isNotFound());
        }
    }

    @Nested
    class Reading {
        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleReadsGoalsAndTheirCsv(Role role) throws Exception {
            given(goals.list(null)).willReturn(List.of(view(7)));

            mvc.perform(get("/api/goals").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].metric").value("unique_viewers"))
                    .andExpect(jsonPath("$[0].finalAt").value("2026-03-01T20:15:00Z"));
            mvc.perform(get("/api/goals.csv").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("7,s1,Spring Collection Launch,2026-03-01T19:00:00Z,"
                            + "unique_viewers,1500,at_least,1234,missed,")));
        }

        @Test
        void seriesGoalsAndTheirCsvAreForEveryone() throws Exception {
            given(goals.listSeries()).willReturn(List.of(seriesView(3)));

            mvc.perform(get("/api/goals/series").with(as(Role.ANALYST)))
                    .andExpect(jsonPath("$[0].seriesGoalId").value(3))
                    .andExpect(jsonPath("$[0].targetText").value("€5,000.00"));
            mvc.perform(get("/api/goals/series.csv").with(as(Role.EXECUTIVE)))
                    .andExpect(content().string(containsString("3,title_prefix,Spring,live_gmv,5000,at_least,")));
        }

        @Test
        void theShowPickerOffersUpcomingShowsFirst() throws Exception {
            GoalRepository.ShowOption next = new GoalRepository.ShowOption("s-next", "Spring Encore",
                    Instant.parse("2026-03-08T18:00:00Z"));
            GoalRepository.ShowOption last = new GoalRepository.ShowOption("s-last", "Denim Days",
                    Instant.parse("2026-02-25T19:00:00Z"));
            given(goals.upcomingShowOptions()).willReturn(List.of(next));
            given(goals.pastShowOptions()).willReturn(List.of(last));

            String html = mvc.perform(get("/goals").with(as(Role.MARKETING))).andReturn().getResponse().getContentAsString();
            String picker = html.substring(html.indexOf("id=\"goal-show\""), html.indexOf("</select>", html.indexOf("id=\"goal-show\"")));

            assertThat(picker).contains("<optgroup label=\"Upcoming\">", "Spring Encore · 2026-03-08 18:00",
                    "<optgroup label=\"Past\">", "Denim Days · 2026-02-25 19:00");
            assertThat(picker.indexOf("s-next")).isLessThan(picker.indexOf("s-last"));
            assertThat(html).contains("id=\"series-form\"");
        }

        @Test
        void pageShowsTheFormsToMarketingOnly() throws Exception {
            mvc.perform(get("/goals").with(as(Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"goal-form\"")))
                    .andExpect(content().string(containsString("id=\"import-form\"")))
                    .andExpect(content().string(containsString("name=\"_csrf\"")));
            for (Role reader : List.of(Role.EXECUTIVE, Role.ANALYST)) {
                mvc.perform(get("/goals").with(as(reader)))
                        .andExpect(status().isOk())
                        .andExpect(content().string(not(containsString("id=\"goal-form\""))))
                        .andExpect(content().string(not(containsString("id=\"import-form\""))))
                        .andExpect(content().string(containsString("Only the marketing role can set goals.")));
            }
            verify(goals, never()).create(any(), anyString());
            verify(goals, never()).delete(anyLong(), anyString());
        }
    }
}
