package dev.dunning.web;

import dev.dunning.outreach.TaskCompletion;
import dev.dunning.outreach.TaskType;
import dev.dunning.outreach.WorkTask;
import dev.dunning.outreach.WorkTasks;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

    private final WorkTasks tasks;
    private final TaskCompletion completion;

    TaskController(WorkTasks tasks, TaskCompletion completion) {
        this.tasks = tasks;
        this.completion = completion;
    }

    @GetMapping("/api/tasks")
    List<CaseView.TaskView> list(@RequestParam(required = false) String caseId, @RequestParam(required = false) TaskType type,
                                 @RequestParam(required = false) WorkTask.Status status,
                                 @RequestParam(required = false) String assignee) {
        if (assignee != null && assignee.isBlank()) throw new InvalidInput("assignee", "must not be blank");
        return tasks.search(caseId, type == null ? null : type.name(), status == null ? null : status.name(), assignee).stream()
                .map(CaseView.TaskView::of).toList();
    }

    @PostMapping("/api/tasks/{taskId}/complete")
    CaseView.TaskView complete(@PathVariable String taskId, @Valid @RequestBody CaseRequests.CompleteTaskBody body) {
        return CaseView.TaskView.of(completion.complete(taskId, body.outcome(), body.promisedDate(), body.promisedAmount(), body.note()));
    }
}
