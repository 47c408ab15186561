package dev.dunning.cases;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface DunningCases extends ListCrudRepository<DunningCase, String>, PagingAndSortingRepository<DunningCase, String> {

    Optional<DunningCase> findByInvoiceNumber(String invoiceNumber);

    Page<DunningCase> findByStatus(CaseStatus status, Pageable pageable);

    Page<DunningCase> findByStage(Stage stage, Pageable pageable);

    Page<DunningCase> findByStatusAndStage(CaseStatus status, Stage stage, Pageable pageable);

    @Query("SELECT id FROM dunning_case WHERE id = :id FOR UPDATE")
    Optional<String> lockById(String id);

    /** Loads the case under a row lock: every change to a case runs serialised behind it. */
    default DunningCase lockAndGet(CaseId id) {
        lockById(id.value()).orElseThrow(() -> new CaseNotFoundException(id.value()));
        return findById(id.value()).orElseThrow(() -> new CaseNotFoundException(id.value()));
    }

    default DunningCase get(CaseId id) {
        return findById(id.value()).orElseThrow(() -> new CaseNotFoundException(id.value()));
    }
}
