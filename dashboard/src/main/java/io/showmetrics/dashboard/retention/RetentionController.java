package io.showmetrics.dashboard.retention;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Retention page; its heat map comes from {@link RetentionApiController}. */
@Controller
class RetentionController {

    @GetMapping("/retention")
    String retention() {
        return "retention/heatmap";
    }
}
