package io.showmetrics.dashboard.definitions;

import static io.showmetrics.dashboard.system.Csv.column;

import io.showmetrics.dashboard.system.Csv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The metric catalogue as JSON and CSV. */
@RestController
@Tag(name = "Definitions", description = "Every metric's definition, window and unit (metric_definition)")
class DefinitionApiController {
    private static final List<Csv.Column<MetricDefinition>> COLUMNS = List.of(
            column("name", MetricDefinition::name), column("label", MetricDefinition::label),
            column("level", MetricDefinition::level), column("definition", MetricDefinition::definition),
            column("window", MetricDefinition::window), column("unit", MetricDefinition::unit),
            column("additive", MetricDefinition::additive), column("goal_allowed", MetricDefinition::goalAllowed));

    private final DefinitionRepository definitions;

    DefinitionApiController(DefinitionRepository definitions) {
        this.definitions = definitions;
    }

    @GetMapping("/api/definitions")
    @Operation(summary = "Every metric definition in catalogue order")
    List<MetricDefinition> list() {
        return definitions.findAll();
    }

    @GetMapping("/api/definitions.csv")
    @Operation(summary = "The metric definitions as CSV")
    ResponseEntity<String> csv() {
        return Csv.download("metric-definitions.csv", COLUMNS, definitions.findAll());
    }
}
