package dev.dunning.web;

import dev.dunning.cases.Money;
import dev.dunning.payments.PaymentIntake;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaymentController {

    private final PaymentIntake payments;

    PaymentController(PaymentIntake payments) {
        this.payments = payments;
    }

    @PostMapping("/api/payments")
    ResponseEntity<Map<String, Object>> pay(@Valid @RequestBody CaseRequests.PaymentBody body) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Money amount = body.amount().toMoney("amount", problems);
        if (!problems.isEmpty()) throw new InvalidInput(problems);
        PaymentIntake.Receipt receipt = payments.receive(body.invoiceNumber(), amount, body.reference(), body.paidAt());
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(Map.of(
                "paymentId", receipt.paymentId(), "caseId", receipt.caseId(),
                "outstanding", CaseView.MoneyView.of(receipt.outstanding())));
    }
}
