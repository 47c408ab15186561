package dev.dunning.support;

import dev.dunning.embedded.EmbeddedEngine;
import io.camunda.zeebe.process.test.filters.ProcessInstanceRecordStreamFilter;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.filters.VariableRecordStreamFilter;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the embedded engine's record stream: which elements a case's process instance has passed. */
public final class EngineRecords {

    private EngineRecords() {
    }

    private static RecordStream stream() {
        return RecordStream.of(EmbeddedEngine.engine().getRecordStreamSource());
    }

    public static Optional<Long> processInstanceKey(String caseId) {
        return new VariableRecordStreamFilter(stream().variableRecords()).stream()
                .filter(r -> r.getValue().getName().equals("caseId") && r.getValue().getValue().equals("\"" + caseId + "\""))
                .filter(r -> r.getValue().getBpmnProcessId().equals("dunning-case"))
                .map(r -> r.getValue().getProcessInstanceKey())
                .findFirst();
    }

    /** Element ids that completed, in order (including those of the called instalment plan). */
    public static Set<String> completedElements(String caseId) {
        return elements(caseId, ProcessInstanceIntent.ELEMENT_COMPLETED);
    }

    /** Element ids that were activated (entered), in order. */
    public static Set<String> activatedElements(String caseId) {
        return elements(caseId, ProcessInstanceIntent.ELEMENT_ACTIVATED);
    }

    private static Set<String> elements(String caseId, ProcessInstanceIntent intent) {
        Optional<Long> key = processInstanceKey(caseId);
        if (key.isEmpty()) return Set.of();
        Set<Long> instances = new LinkedHashSet<>();
        instances.add(key.get());
        // child instances (the instalment plan) carry the parent's instance key
        new ProcessInstanceRecordStreamFilter(stream().processInstanceRecords()).stream()
                .filter(r -> r.getValue().getParentProcessInstanceKey() == key.get())
                .forEach(r -> instances.add(r.getValue().getProcessInstanceKey()));
        return new ProcessInstanceRecordStreamFilter(stream().processInstanceRecords()).stream()
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .filter(r -> r.getIntent() == intent)
                .map(r -> r.getValue().getElementId())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Whether the case's process instance has ended (completed or terminated). */
    public static boolean hasEnded(String caseId) {
        Optional<Long> key = processInstanceKey(caseId);
        if (key.isEmpty()) return false;
        return new ProcessInstanceRecordStreamFilter(stream().processInstanceRecords()).withProcessInstanceKey(key.get())
                .withElementId("dunning-case").stream()
                .map(Record::getIntent)
                .anyMatch(i -> i == ProcessInstanceIntent.ELEMENT_COMPLETED || i == ProcessInstanceIntent.ELEMENT_TERMINATED);
    }

    /** Whether the instance is currently waiting in the given element (activated and not yet left). */
    public static boolean isWaitingAt(String caseId, String elementId) {
        Optional<Long> key = processInstanceKey(caseId);
        if (key.isEmpty()) return false;
        long active = new ProcessInstanceRecordStreamFilter(stream().processInstanceRecords())
                .withElementId(elementId).stream()
                .filter(r -> belongsTo(r, key.get()))
                .map(Record::getIntent)
                .mapToLong(i -> i == ProcessInstanceIntent.ELEMENT_ACTIVATED ? 1
                        : i == ProcessInstanceIntent.ELEMENT_COMPLETED || i == ProcessInstanceIntent.ELEMENT_TERMINATED ? -1 : 0)
                .sum();
        return active > 0;
    }

    private static boolean belongsTo(Record<ProcessInstanceRecordValue> r, long key) {
        return r.getValue().getProcessInstanceKey() == key || r.getValue().getParentProcessInstanceKey() == key;
    }

    /** The incident records (created) of the case's instance: key, job key and message for resolving them in tests. */
    public static java.util.List<io.camunda.zeebe.protocol.record.Record<io.camunda.zeebe.protocol.record.value.IncidentRecordValue>> incidentRecords(String caseId) {
        Optional<Long> key = processInstanceKey(caseId);
        if (key.isEmpty()) return java.util.List.of();
        return java.util.stream.StreamSupport.stream(stream().incidentRecords().spliterator(), false)
                .filter(r -> r.getValue().getProcessInstanceKey() == key.get())
                .filter(r -> r.getIntent() == io.camunda.zeebe.protocol.record.intent.IncidentIntent.CREATED)
                .toList();
    }

    /** Incidents raised for the case's instance, with their messages. */
    public static java.util.List<String> incidents(String caseId) {
        Optional<Long> key = processInstanceKey(caseId);
        if (key.isEmpty()) return java.util.List.of();
        return java.util.stream.StreamSupport.stream(stream().incidentRecords().spliterator(), false)
                .filter(r -> r.getValue().getProcessInstanceKey() == key.get())
                .map(r -> r.getValue().getErrorMessage()).toList();
    }
}
