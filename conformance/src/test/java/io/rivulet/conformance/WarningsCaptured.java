package io.rivulet.conformance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** The warnings Rivulet logs while a piece of test code runs. */
final class WarningsCaptured {

    interface Action {
        void run() throws Exception;
    }

    private WarningsCaptured() {}

    static List<String> during(Action action) throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        AbstractAppender appender = new AbstractAppender("warnings", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                warnings.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig rivulet = context.getConfiguration().getLoggerConfig("io.rivulet");
        rivulet.addAppender(appender, Level.WARN, null);
        context.updateLoggers();
        try {
            action.run();
        } finally {
            rivulet.removeAppender("warnings");
            context.updateLoggers();
            appender.stop();
        }
        return warnings;
    }
}
