package io.showmetrics.dashboard.system;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security handles the POST) and the home redirect. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The signed-in user's start page: Experiments for analysts, Shows for everyone else. */
    @GetMapping("/")
    String home(Authentication authentication) {
        return "redirect:" + HomePage.pathFor(authentication);
    }
}
