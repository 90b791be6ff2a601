package io.plumeline.reporting.lineage;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A well-formed lineage id with no record in the hour it names: 404 as problem+json. */
public class LineageNotFoundException extends ErrorResponseException {

    public LineageNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Lineage record not found");
        return problem;
    }
}
