package dev.dunning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/** Fails the build when the models in bpmn/ and the Java workers disagree, so an edit in Modeler cannot silently strand a job. */
class ModelContractTest {

    private static String models() throws Exception {
        StringBuilder all = new StringBuilder();
        for (File f : new File("bpmn").listFiles((d, n) -> n.endsWith(".bpmn"))) {
            all.append(java.nio.file.Files.readString(f.toPath()));
        }
        return all.toString();
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static Set<String> workerJobTypes() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Set<String> types = new TreeSet<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("dev.dunning")) {
            Class<?> type = Class.forName(bean.getBeanClassName());
            for (Method method : type.getDeclaredMethods()) {
                JobWorker worker = method.getAnnotation(JobWorker.class);
                if (worker == null) continue;
                Field constant = type.getField("JOB_TYPE");
                assertThat(worker.type()).as("%s uses its JOB_TYPE constant", type.getSimpleName()).isEqualTo(constant.get(null));
                assertThat(types.add(worker.type())).as("one class per job type: %s", worker.type()).isTrue();
            }
        }
        return types;
    }

    @Test
    void everyJobTypeInTheModelsHasExactlyOneWorkerAndEveryWorkerIsUsed() throws Exception {
        Set<String> inModels = matches(models(), "zeebe:taskDefinition type=\"([^\"]+)\"");
        assertThat(workerJobTypes()).containsExactlyInAnyOrderElementsOf(inModels);
    }

    @Test
    void everyMessageTheAppPublishesIsCaughtByTheModel() throws Exception {
        Set<String> inModels = matches(models(), "<bpmn:message id=\"[^\"]+\" name=\"([^\"]+)\"");
        Set<String> published = new HashSet<>();
        for (Field f : EngineMessages.class.getFields()) {
            if (f.getType() == String.class) published.add((String) f.get(null));
        }
        assertThat(inModels).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void theOfferDecisionTheModelCallsExists() throws Exception {
        String dmn = java.nio.file.Files.readString(new File("bpmn/offer-terms.dmn").toPath());
        for (String decision : matches(models(), "calledDecision decisionId=\"([^\"]+)\"")) {
            assertThat(dmn).contains("<decision id=\"" + decision + "\"");
        }
    }
}
