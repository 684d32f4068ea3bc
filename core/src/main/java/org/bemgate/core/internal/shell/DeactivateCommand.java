package org.bemgate.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.internal.shell.completers.DatapointIdCompleter;

/** {@code bem:deactivate}: stop historising and bridging datapoints. */
@Command(scope = "bem", name = "deactivate", description = "Deactivates datapoints: no more history or bridging; latest values are still kept")
@Service
public class DeactivateCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "ids", required = true, multiValued = true, description = "Datapoint ids or globs such as demo-room/*")
    @Completion(DatapointIdCompleter.class)
    List<String> ids;

    @Override
    public Object execute() {
        System.out.println(ActivationCommands.apply(registry, ids, false));
        return null;
    }
}
