package org.bemgate.core.internal.shell.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointRegistry;

/** Completes datapoint ids from the registry. */
@Service
public class DatapointIdCompleter implements Completer {

    @Reference
    DatapointRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (Datapoint d : registry.find(DatapointFilter.ALL)) {
            ids.getStrings().add(d.id().toString());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
