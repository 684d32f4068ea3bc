package org.bemgate.knx.internal.ets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.regex.PatternSyntaxException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.bemgate.knx.internal.KnxConnectorConfig;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code bem:knx-import}: builds BEMCom's {@code KNX_DATAPOINTS} from an ETS group-address export, prints it,
 * or stores it as the {@code datapoints} of a KNX connector's configuration (and so in its .cfg file).
 */
@Command(scope = "bem", name = "knx-import", description = "Builds KNX_DATAPOINTS from an ETS group-address export (CSV, "
        + "tab-separated or not); every address is a sensor unless --actuators matches its name or address")
@Service
public class KnxImportCommand implements Action {

    @Reference(optional = true)
    ConfigurationAdmin configurationAdmin;

    @Argument(index = 0, name = "file", required = true, description = "The file ETS wrote with \"Export group addresses\"")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--print", description = "Print the JSON (the default when --connector is not given)")
    boolean print;

    @Option(name = "--connector", description = "Store the JSON as 'datapoints' of this KNX connector's configuration")
    String connector;

    @Option(name = "--actuators", description = "Regular expression: group addresses whose name contains a match, or whose "
            + "address matches, become actuators (e.g. 'switch|setpoint|1/0/.*'); all others are sensors")
    String actuators;

    @Override
    public Object execute() {
        run(System.out);
        return null;
    }

    /** Does the work; prints everything the operator needs, errors included. */
    void run(PrintStream out) {
        EtsGroupAddressExport.Result result;
        try {
            result = EtsGroupAddressExport.datapoints(EtsGroupAddressExport.rows(Files.readAllBytes(Path.of(file))),
                    EtsGroupAddressExport.actuatorPattern(actuators));
        } catch (IOException e) {
            out.println("Error: cannot read " + file + ": " + e);
            return;
        } catch (PatternSyntaxException e) {
            out.println("Error: --actuators is not a regular expression: " + e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            out.println("Error: " + file + ": " + e.getMessage());
            return;
        }
        for (String s : result.skipped()) {
            out.println("Skipped " + s);
        }
        out.println(result.sensors().size() + " sensors, " + result.actuators().size() + " actuators, " + result.skipped().size()
                + " skipped");
        if (print || connector == null) {
            out.println(result.json());
        }
        if (connector != null) {
            out.println(store(result));
        }
    }

    private String store(EtsGroupAddressExport.Result result) {
        if (configurationAdmin == null) {
            return "Error: Configuration Admin is not running; use --print and copy the JSON into the .cfg file";
        }
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(&(service.factoryPid=" + KnxConnectorConfig.PID
                    + ")(name=" + escape(connector) + "))");
            if (found == null || found.length == 0) {
                return "Error: no KNX connector named '" + connector + "'; create etc/" + KnxConnectorConfig.PID + "-" + connector
                        + ".cfg with name and host first";
            }
            Configuration c = found[0];
            Dictionary<String, Object> props = c.getProperties();
            props.put("datapoints", result.compactJson());
            // addresses the new mapping no longer has would make the connector FAILED: keep only the others
            List<String> kept = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            for (String key : activeKeys(props.get("activeDatapoints"))) {
                (result.sensors().containsKey(key) || result.actuators().containsKey(key) ? kept : dropped).add(key);
            }
            if (!dropped.isEmpty()) {
                props.put("activeDatapoints", kept.toArray(new String[0]));
            }
            c.update(props);
            return "Stored as datapoints of KNX connector '" + connector + "'; it restarts with them"
                    + (dropped.isEmpty() ? "" : ". Removed from activeDatapoints, no longer in the export: " + String.join(", ", dropped));
        } catch (IOException | InvalidSyntaxException e) {
            return "Error: cannot update the configuration of '" + connector + "': " + e.getMessage();
        }
    }

    /** A .cfg file gives a list as one comma-separated string; Config Admin tools give an array. */
    private static List<String> activeKeys(Object value) {
        List<String> keys = new ArrayList<>();
        Object[] values = value instanceof Object[] a ? a : value == null ? new Object[0] : new Object[] { value };
        for (Object v : values) {
            for (String k : String.valueOf(v).split(",")) {
                if (!k.isBlank()) {
                    keys.add(k.strip());
                }
            }
        }
        return keys;
    }

    /** Escapes an LDAP filter value. */
    private static String escape(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
