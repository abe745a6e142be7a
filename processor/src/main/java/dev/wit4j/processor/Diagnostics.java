package dev.wit4j.processor;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports {@link Message}s on one annotated element, drops exact duplicates and counts errors, so
 * that the processor can report every problem of a world before it gives up on it.
 */
final class Diagnostics {
    private final Messager messager;
    private final Element element;
    private final AnnotationMirror annotation;
    private final Set<String> seen = new LinkedHashSet<>();
    private int errors;

    Diagnostics(Messager messager, Element element, AnnotationMirror annotation) {
        this.messager = messager;
        this.element = element;
        this.annotation = annotation;
    }

    void report(Message message, Object... args) {
        String text = message.format(args);
        if (!seen.add(message.kind() + text)) {
            return;
        }
        if (message.kind() == Diagnostic.Kind.ERROR) {
            errors++;
        }
        if (annotation != null) {
            messager.printMessage(message.kind(), text, element, annotation);
        } else {
            messager.printMessage(message.kind(), text, element);
        }
    }

    /** Reports on another element than the annotated one (Java-first: the offending method, parameter, type). */
    void reportOn(Element at, Message message, Object... args) {
        String text = message.format(args);
        if (!seen.add(message.kind() + text + "@" + at)) {
            return;
        }
        if (message.kind() == Diagnostic.Kind.ERROR) {
            errors++;
        }
        messager.printMessage(message.kind(), text, at);
    }

    int errorCount() {
        return errors;
    }
}
