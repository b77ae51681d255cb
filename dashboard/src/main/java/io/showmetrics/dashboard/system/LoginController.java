package io.showmetrics.dashboard.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security handles the POST) and the home redirect. */
@Controller
class LoginController {

    /**
     * The sign-in form. After a refused sign-in ({@code ?locked}) it says how many minutes the lock still lasts, taken
     * from the refusal Spring Security kept in the session.
     */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object refusal = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (request.getParameter("locked") != null) {
            model.addAttribute("lockedFor", refusal instanceof SignInThrottledException locked
                    ? lockedFor(SignInThrottledException.minutes(locked.waitTime())) : "a few minutes");
        }
        return "login";
    }

    private static String lockedFor(long minutes) {
        return minutes + " minute" + (minutes == 1 ? "" : "s");
    }

    /** The signed-in user's start page: Experiments for analysts, Shows for everyone else. */
    @GetMapping("/")
    String home(Authentication authentication) {
        return "redirect:" + HomePage.pathFor(authentication);
    }
}
