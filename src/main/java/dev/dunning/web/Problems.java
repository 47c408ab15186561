package dev.dunning.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.dunning.cases.CaseNotFoundException;
import dev.dunning.cases.CaseOpening;
import dev.dunning.offers.OfferAcceptance;
import dev.dunning.outreach.TaskCompletion;
import dev.dunning.payments.PaymentIntake;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 problem+json; bad input names the offending fields under {@code errors}. */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }

    static ProblemDetail invalid(List<InvalidInput.FieldProblem> problems) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                problems.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        p.setProperty("errors", problems);
        return p;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(TaskCompletion.InvalidCompletion.class)
    ProblemDetail invalidCompletion(TaskCompletion.InvalidCompletion e) {
        return invalid(List.of(new InvalidInput.FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(PaymentIntake.CurrencyMismatch.class)
    ProblemDetail currencyMismatch(PaymentIntake.CurrencyMismatch e) {
        return invalid(List.of(new InvalidInput.FieldProblem("amount.currency", e.getMessage())));
    }

    @ExceptionHandler({CaseNotFoundException.class, TaskCompletion.TaskNotFound.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler({CaseOpening.InvoiceConflictException.class, OfferAcceptance.NoOpenOffer.class,
            TaskCompletion.TaskAlreadyDone.class, PaymentIntake.ReferenceConflict.class, IllegalStateException.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(CallbackSignatures.BadSignature.class)
    ResponseEntity<ProblemDetail> badSignature(CallbackSignatures.BadSignature e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "callback refused: " + e.getMessage()));
    }

    @ExceptionHandler(dev.dunning.legal.LegalAcknowledgements.NoHandoff.class)
    ProblemDetail noHandoff(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(dev.dunning.legal.LegalAcknowledgements.WrongPartner.class)
    ProblemDetail wrongPartner(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }
    @ExceptionHandler(dev.dunning.communications.GuardRefusal.class)
    ProblemDetail guardRefusal(dev.dunning.communications.GuardRefusal e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Refused by rule " + e.rule(), "rule " + e.rule() + ": " + e.getMessage());
        p.setProperty("rule", e.rule());
        return p;
    }

    @ExceptionHandler({dev.dunning.communications.Bounces.UnknownCommunication.class, CommunicationController.NotFound.class})
    ProblemDetail unknownCommunication(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new InvalidInput.FieldProblem(e.getName(), "invalid value '" + e.getValue() + "'")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<InvalidInput.FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidInput.FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(InvalidInput.FieldProblem::field)).toList();
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (e.getMostSpecificCause() instanceof com.fasterxml.jackson.core.JsonParseException) {
            // a syntax error, even when Jackson wraps it with the path where it stopped reading
            return ResponseEntity.badRequest().body(invalid(List.of(new InvalidInput.FieldProblem("body", "malformed JSON"))));
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return ResponseEntity.badRequest().body(invalid(List.of(new InvalidInput.FieldProblem(path(u), "unknown field"))));
        }
        if (cause instanceof InvalidFormatException f) {
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "; one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants()) : "";
            return ResponseEntity.badRequest().body(invalid(List.of(new InvalidInput.FieldProblem(path(f),
                    "invalid value '" + f.getValue() + "'" + allowed))));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(invalid(List.of(new InvalidInput.FieldProblem(path(m), "invalid value"))));
        }
        return ResponseEntity.badRequest().body(invalid(List.of(new InvalidInput.FieldProblem("body", "malformed JSON"))));
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!s.isEmpty()) s.append('.');
                s.append(ref.getFieldName());
            } else {
                s.append('[').append(ref.getIndex()).append(']');
            }
        }
        return s.isEmpty() ? "body" : s.toString();
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) throw e;
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "an unexpected error occurred; it has been logged");
    }
}
