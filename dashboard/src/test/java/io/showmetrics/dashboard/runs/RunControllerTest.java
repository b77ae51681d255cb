package io.showmetrics.dashboard.runs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.showmetrics.dashboard.system.Csv;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest({RunController.class, RunApiController.class})
@Import(WebSecurityTestConfig.class)
class RunControllerTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    RunRepository runs;

    static RequestPostProcessor as(Role role) {
        return user("someone").roles(role.name());
    }

    static RunSummary run(String runId) {
        return new RunSummary(runId, "succeeded", Instant.parse("2026-03-02T03:00:00Z"),
                Instant.parse("2026-03-02T03:12:34Z"), 754L, 10_480, 10_300, 150, 30, 3, 2, "Loaded 3 new files");
    }

    static RunDetail detail(String runId) {
        return new RunDetail(run(runId),
                List.of(new IngestFile("orders", "orders/o.jsonl", 480, 450, 30, 0)),
                List.of(new QuarantineReason("orders", "negative_price", 30)),
                List.of(new QuarantineSample("orders", "orders/o.jsonl", 12, "unit_price", "negative_price",
                        "unit_price -3.50 is negative", "{\"order_id\":\"o1\",\"unit_price\":-3.5}")));
    }

    @Nested
    class Anonymous {
        @Test
        void pagesRedirectToSignIn() throws Exception {
            mvc.perform(get("/runs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get("/runs/r1")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }

        @Test
        void apiAnswers401() throws Exception {
            mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/runs/r1")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/runs/r1/quarantine-samples.csv")).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    class SignedIn {
        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleSeesTheRunsPage(Role role) throws Exception {
            mvc.perform(get("/runs").with(as(role))).andExpect(status().isOk()).andExpect(view().name("runs/list"));
        }

        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleSeesARunsDetailPage(Role role) throws Exception {
            given(runs.findById("r1")).willReturn(Optional.of(run("r1")));

            mvc.perform(get("/runs/r1").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(view().name("runs/detail"))
                    .andExpect(content().string(containsString("data-run-id=\"r1\"")));
        }

        @Test
        void unknownRunPageIs404() throws Exception {
            given(runs.findById("nope")).willReturn(Optional.empty());

            mvc.perform(get("/runs/nope").with(as(Role.ANALYST))).andExpect(status().isNotFound());
        }

        @ParameterizedTest
        @EnumSource(Role.class)
        void everyRoleReadsTheRunsApiWithTheReconciliationCheck(Role role) throws Exception {
            given(runs.findAll()).willReturn(List.of(run("r1")));

            mvc.perform(get("/api/runs").with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].runId").value("r1"))
                    .andExpect(jsonPath("$[0].durationSeconds").value(754))
                    .andExpect(jsonPath("$[0].reconciled").value(true));
        }

        @Test
        void runApiReturnsFilesReasonsAndSamples() throws Exception {
            given(runs.findDetail("r1")).willReturn(Optional.of(detail("r1")));

            mvc.perform(get("/api/runs/r1").with(as(Role.MARKETING)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.run.recordsQuarantined").value(150))
                    .andExpect(jsonPath("$.files[0].reconciled").value(true))
                    .andExpect(jsonPath("$.quarantineReasons[0].reason").value("negative_price"))
                    .andExpect(jsonPath("$.quarantineSamples[0].line").value(12))
                    .andExpect(jsonPath("$.quarantineSamples[0].field").value("unit_price"));
        }

        @Test
        void runningRunHasNullFinishAndDuration() throws Exception {
            given(runs.findAll()).willReturn(List.of(new RunSummary("r2", "running", Instant.parse("2026-03-03T03:00:00Z"),
                    null, null, 10, 10, 0, 0, 1, 0, null)));

            mvc.perform(get("/api/runs").with(as(Role.MARKETING)))
                    .andExpect(jsonPath("$[0].finishedAt").value(nullValue()))
                    .andExpect(jsonPath("$[0].durationSeconds").value(nullValue()));
        }

        @Test
        void unknownRunApiIs404() throws Exception {
            given(runs.findDetail("nope")).willReturn(Optional.empty());
            given(runs.findById("nope")).willReturn(Optional.empty());

            mvc.perform(get("/api/runs/nope").with(as(Role.MARKETING)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("No pipeline run with id 'nope'."));
            mvc.perform(get("/api/runs/nope/files.csv").with(as(Role.MARKETING))).andExpect(status().isNotFound());
        }

        @Test
        void samplesCsvQuotesRawJsonAndNeutralisesFormulas() throws Exception {
            given(runs.findById("r1")).willReturn(Optional.of(run("r1")));
            given(runs.quarantineSamples("r1")).willReturn(List.of(new QuarantineSample("orders", "orders/o.csv", 3,
                    "sku", "missing_field", "sku is missing", "=HYPERLINK(\"x\")")));

            mvc.perform(get("/api/runs/r1/quarantine-samples.csv").with(as(Role.ANALYST)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Csv.BOM + "entity,file,line,field,reason,message,raw\r\n"
                            + "orders,orders/o.csv,3,sku,missing_field,sku is missing,\"'=HYPERLINK(\"\"x\"\")\"\r\n"));
        }

        @Test
        void filesCsvHasTheReconciliationColumn() throws Exception {
            given(runs.findById("r1")).willReturn(Optional.of(run("r1")));
            given(runs.files("r1")).willReturn(detail("r1").files());

            mvc.perform(get("/api/runs/r1/files.csv").with(as(Role.ANALYST)))
                    .andExpect(content().string(Csv.BOM + "entity,file,records_read,records_accepted,records_quarantined,"
                            + "records_duplicate,reconciled\r\norders,orders/o.jsonl,480,450,30,0,true\r\n"));
        }
    }
}
