package io.relayconsole.demo;

import io.relayconsole.timeline.TimelineStep;
import java.util.function.Predicate;

/** The steps a scenario waits for, by what they mean rather than their exact words. */
final class StepPatterns {
    private StepPatterns() {
    }

    static Predicate<TimelineStep> message(String from, String to, String textStart) {
        return s -> s.arrow() == TimelineStep.Arrow.REQUEST && s.from().equals(from) && to.equals(s.to())
                && s.text().startsWith(textStart);
    }

    static Predicate<TimelineStep> response(String from, String to) {
        return s -> s.arrow() == TimelineStep.Arrow.RESPONSE && s.from().equals(from) && to.equals(s.to());
    }

    static Predicate<TimelineStep> failure(String from, String to) {
        return s -> s.arrow() == TimelineStep.Arrow.FAILURE && s.from().equals(from) && to.equals(s.to());
    }

    static Predicate<TimelineStep> note(String over, String text) {
        return s -> s.isNote() && s.from().equals(over) && s.text().equals(text);
    }
}
