package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One meter: {@code etc/${package}-<name>.cfg}. The metatype annotations give the
 * gateway's console and {@code config:meta} a form with these names, descriptions and defaults.
 */
@ObjectClassDefinition(name = "Example HTTP meter", description = "A meter with a small HTTP JSON API, polled on an interval")
public @interface ${classPrefix}Config {

    /** The factory PID: one configuration per meter. A vendor's own prefix, never org.bemgate. */
    String PID = "${package}";

    @AttributeDefinition(name = "Name", description = "The connector name, the first part of every datapoint id "
            + "(letters, digits, '-' and '_')")
    String name();

    @AttributeDefinition(name = "URL", description = "The meter's base URL, such as http://192.168.1.60 or http://meter.local:8080")
    String url() default "";

    @AttributeDefinition(name = "Poll interval (ms)", description = "Time between two readings; doubled up to a minute while "
            + "the meter does not answer")
    int pollMillis() default 5_000;

    @AttributeDefinition(name = "Answer timeout (ms)", description = "The longest wait for one answer, 100–20000")
    int timeoutMillis() default 2_000;
}
