package io.showmetrics.dashboard.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A signed-in user changing their own password: the current password must match (a wrong one counts as a failed
 * sign-in for the {@link SignInThrottle}), the new one has at least {@link #MIN_LENGTH} characters and at most
 * {@link #MAX_BYTES} bytes in UTF-8 (bcrypt reads no further), is typed twice alike and differs from the current one.
 */
@Service
class PasswordService {
    /** The shortest new password, in characters. */
    static final int MIN_LENGTH = 12;
    /** The longest new password, in UTF-8 bytes: bcrypt's limit. */
    static final int MAX_BYTES = 72;

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SignInThrottle throttle;

    PasswordService(AppUserRepository users, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
    }

    /**
     * Changes the password of {@code username} when every check passes.
     *
     * @param address the client address, for the throttle
     * @return what is wrong, one message per problem; empty when the password was changed
     */
    List<String> change(String username, String address, String current, String next, String confirmation) {
        Duration wait = throttle.waitBefore(username, address);
        if (!wait.isZero()) {
            return List.of(new SignInThrottledException(wait).getMessage());
        }
        AppUser user = users.findByUsername(username).orElse(null);
        if (user == null || current == null || !passwordEncoder.matches(current, user.passwordHash())) {
            throttle.failed(username, address);
            return List.of("The current password is wrong: nothing was changed.");
        }
        List<String> errors = new ArrayList<>();
        String candidate = next == null ? "" : next;
        if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
            errors.add("The new password is too short: use at least " + MIN_LENGTH + " characters.");
        }
        if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.add("The new password is too long: use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES
                    + " letters without accents).");
        }
        if (!candidate.equals(confirmation)) {
            errors.add("The two new passwords differ: type the same new password twice.");
        }
        if (candidate.equals(current)) {
            errors.add("The new password is the current one: choose another.");
        }
        if (errors.isEmpty()) {
            users.updatePasswordHash(username, passwordEncoder.encode(candidate));
        }
        return errors;
    }
}
