package org.bemgate.core.internal.shell;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.internal.json.MessageJson;
import org.bemgate.core.internal.shell.completers.DatapointIdCompleter;

/** {@code bem:write}: writes an actuator value and prints what the device answered. */
@Command(scope = "bem", name = "write", description = "Writes a value to an actuator and prints the device's answer")
@Service
public class WriteCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "id", required = true, description = "The actuator's id, <connector>/<key>")
    @Completion(DatapointIdCompleter.class)
    String id;

    @Argument(index = 1, name = "value", required = true, description = "The value as JSON (22.5, true, \"text\"); other text is taken as a string")
    String value;

    @Override
    public Object execute() {
        System.out.println(write(registry, id, value));
        return null;
    }

    /** @return the line to print: ACCEPTED, REJECTED: reason, FAILED: reason, or why it was not sent */
    static String write(DatapointRegistry registry, String idText, String valueText) {
        Object v;
        try {
            v = MessageJson.read(valueText);
        } catch (IllegalArgumentException e) {
            v = valueText;
        }
        try {
            WriteOutcome o = registry.write(DatapointId.parse(idText), new Value(v, System.currentTimeMillis()))
                    .toCompletableFuture().get(120, TimeUnit.SECONDS);
            return o.isAccepted() ? "ACCEPTED" : o.status() + ": " + o.reason();
        } catch (IllegalArgumentException e) {
            return "REJECTED: " + e.getMessage();
        } catch (ExecutionException | TimeoutException e) {
            return "FAILED: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "FAILED: interrupted";
        }
    }
}
