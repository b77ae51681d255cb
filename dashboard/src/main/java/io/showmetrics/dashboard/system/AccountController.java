package io.showmetrics.dashboard.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Change password" page, linked from every page's header, for any signed-in user. */
@Controller
class AccountController {
    static final String PATH = "/account/password";

    private final PasswordService passwords;

    AccountController(PasswordService passwords) {
        this.passwords = passwords;
    }

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("minLength", PasswordService.MIN_LENGTH);
        return "account/password";
    }

    /**
     * Changes the signed-in user's password: back to the form with a notice (and a new session id), or 400 with the
     * form and what is wrong.
     */
    @PostMapping(PATH)
    String change(@RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword,
                  Principal user, HttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes flash) {
        List<String> errors = passwords.change(user.getName(), request.getRemoteAddr(), currentPassword, newPassword,
                confirmPassword);
        if (errors.isEmpty()) {
            request.changeSessionId();
            flash.addFlashAttribute("notice", "Your password was changed: sign in with the new one from now on.");
            return "redirect:" + PATH;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        model.addAttribute("minLength", PasswordService.MIN_LENGTH);
        return "account/password";
    }
}
