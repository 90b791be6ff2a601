package io.plumeline.reporting.reports;

import io.plumeline.reporting.api.QueryParameters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 403 (the four-eyes rule), 404 and 409 as problem+json naming the parameter at fault; Spring's own handling of
 * {@link ErrorResponseException} writes them, so no advice of ours is needed.
 */
final class ReportProblems {

    private ReportProblems() {
    }

    static ErrorResponseException notFound(String parameter, String id) {
        return problem(HttpStatus.NOT_FOUND, "Report not found", parameter,
                "parameter '" + parameter + "': no report '" + QueryParameters.shorten(id) + "'");
    }

    static ErrorResponseException conflict(String parameter, String detail) {
        return problem(HttpStatus.CONFLICT, "Report is not in a state for this", parameter, detail);
    }

    /** Review finding M9: a second person must approve (or submit) what one person did. */
    static ErrorResponseException fourEyes(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Four-eyes rule", "id", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("parameter", parameter);
        return new ErrorResponseException(status, problem, null);
    }
}
