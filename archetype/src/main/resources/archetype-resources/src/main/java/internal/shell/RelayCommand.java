package ${package}.internal.shell;

import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;

/**
 * {@code ${protocol}:relay <name> on|off}: switches a meter's relay through the registry, as the console
 * or a controller would, and prints what the meter did.
 */
@Command(scope = "${protocol}", name = "relay", description = "Closes (on) or opens (off) an HTTP meter's relay")
@Service
public class RelayCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "name", description = "The meter (connector name)", required = true)
    String name;

    @Argument(index = 1, name = "state", description = "on or off", required = true)
    String state;

    @Override
    public Object execute() throws InterruptedException {
        run(registry, name, state, System.out);
        return null;
    }

    static void run(DatapointRegistry registry, String name, String state, PrintStream out) throws InterruptedException {
        boolean on;
        if ("on".equalsIgnoreCase(state)) {
            on = true;
        } else if ("off".equalsIgnoreCase(state)) {
            on = false;
        } else {
            out.println("state: write on or off, not " + state);
            return;
        }
        WriteOutcome o;
        try {
            o = registry.write(DatapointId.of(name, "relay"), new Value(on, System.currentTimeMillis())).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // unknown meter or a value the registry refuses: its message says which
            out.println(e.getMessage());
            return;
        } catch (ExecutionException | TimeoutException e) {
            out.println("no outcome: " + e);
            return;
        }
        out.println(name + "/relay " + (on ? "on" : "off") + ": " + o.status() + (o.reason().isEmpty() ? "" : " " + o.reason()));
    }
}
