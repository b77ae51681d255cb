package io.showmetrics.dashboard.hosts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Hosts page; its numbers come from {@link HostApiController} in the browser. */
@Controller
class HostController {

    @GetMapping("/hosts")
    String list() {
        return "hosts/list";
    }
}
