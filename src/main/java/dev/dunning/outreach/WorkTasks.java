package dev.dunning.outreach;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface WorkTasks extends ListCrudRepository<WorkTask, String> {

    Optional<WorkTask> findByCaseIdAndStepKey(String caseId, String stepKey);

    List<WorkTask> findByCaseIdOrderByCreatedAt(String caseId);

    List<WorkTask> findByCaseIdAndStatus(String caseId, WorkTask.Status status);

    @Query("""
            SELECT * FROM work_task
            WHERE (:caseId IS NULL OR case_id = :caseId) AND (:type IS NULL OR type = :type) AND (:status IS NULL OR status = :status)
              AND (:assignee IS NULL OR assignee = :assignee)
            ORDER BY created_at, id LIMIT 500""")
    List<WorkTask> search(String caseId, String type, String status, String assignee);
}
