package io.showmetrics.dashboard.omnichannel;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Omnichannel page (the executives' start page); its charts come from {@link OmnichannelApiController}. */
@Controller
class OmnichannelController {

    @GetMapping("/omnichannel")
    String omnichannel() {
        return "omnichannel/overview";
    }
}
