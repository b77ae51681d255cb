package io.showmetrics.dashboard.definitions;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Definitions page; its table comes from {@link DefinitionApiController}. */
@Controller
class DefinitionController {

    @GetMapping("/definitions")
    String definitions() {
        return "definitions/list";
    }
}
