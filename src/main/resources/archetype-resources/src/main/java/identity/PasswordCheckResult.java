package ${package}.identity;

/** The outcome of {@link UserManager#checkPassword}. */
public enum PasswordCheckResult {
    SUCCESS, FAILED, LOCKED_OUT
}
