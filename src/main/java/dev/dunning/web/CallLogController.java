package dev.dunning.web;

import dev.dunning.outreach.CallLog;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CallLogController {

    private final CallLog calls;

    CallLogController(CallLog calls) {
        this.calls = calls;
    }

    /** Records an outreach call attempt; 409 with the rule when a guard refuses it. */
    @PostMapping("/api/tasks/{taskId}/attempts")
    ResponseEntity<CallLog.Attempt> attempt(@PathVariable String taskId, @Valid @RequestBody CaseRequests.CallAttemptBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(calls.record(taskId, body.outcome(), body.note()));
    }
}
