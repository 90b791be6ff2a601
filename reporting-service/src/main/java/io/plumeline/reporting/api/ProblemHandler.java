package io.plumeline.reporting.api;

import io.plumeline.reporting.influx.InfluxQueryException;
import io.plumeline.reporting.influx.InfluxUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as application/problem+json. Spring's own exceptions (unknown path, wrong method) go
 * through {@link ResponseEntityExceptionHandler}; ours name the parameter, or the InfluxDB that failed.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(e instanceof BadFieldException ? "Bad request body" : "Bad request parameter");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(InfluxUnavailableException.class)
    ProblemDetail influxUnavailable(InfluxUnavailableException e) {
        LOG.warn("{}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("InfluxDB unavailable");
        return problem;
    }

    @ExceptionHandler(InfluxQueryException.class)
    ProblemDetail influxFailed(InfluxQueryException e) {
        LOG.error("{}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("InfluxDB query failed");
        return problem;
    }

    /**
     * Review finding L6: the reports database (PostgreSQL) unreachable or refusing connections is an outage of a
     * service we depend on, as InfluxDB down is: 503, so clients and probes retry, never a 500.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ProblemDetail databaseUnavailable(RuntimeException e) {
        LOG.warn("reports database unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the reports database is unavailable (" + e.getClass().getSimpleName() + "); nothing was changed, try"
                        + " again later");
        problem.setTitle("Database unavailable");
        return problem;
    }

    /**
     * The database going away in the middle of a transaction: the statement fails (an outage, above), then the
     * rollback fails too on the dead connection and Spring throws that instead. Still an outage, and nothing was
     * committed; any other failed commit or rollback stays a 500.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ProblemDetail transactionFailed(TransactionSystemException e) {
        Throwable overridden = e.getApplicationException();
        return overridden instanceof DataAccessResourceFailureException || overridden instanceof CannotCreateTransactionException
                ? databaseUnavailable((RuntimeException) overridden) : unexpected(e);
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "unexpected failure: " + e.getClass().getSimpleName() + "; see the service log");
        problem.setTitle("Internal error");
        return problem;
    }
}
