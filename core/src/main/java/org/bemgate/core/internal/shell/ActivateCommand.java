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

/** {@code bem:activate}: keep datapoints: historise and bridge them. */
@Command(scope = "bem", name = "activate", description = "Activates datapoints, so they are historised and bridged")
@Service
public class ActivateCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "ids", required = true, multiValued = true, description = "Datapoint ids or globs such as demo-room/*")
    @Completion(DatapointIdCompleter.class)
    List<String> ids;

    @Override
    public Object execute() {
        System.out.println(ActivationCommands.apply(registry, ids, true));
        return null;
    }
}
