package io.jenkins.plugins.iacjobs.sandbox;

/** Thrown by a route handler to answer with an error body in the route's {@link ApiDialect}. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad.request", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not.found", message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "bad.credentials", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
