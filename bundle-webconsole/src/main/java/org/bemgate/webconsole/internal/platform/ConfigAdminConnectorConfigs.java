package org.bemgate.webconsole.internal.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.bemgate.webconsole.internal.WebConsoleConfig;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConnectorConfigs} on Config Admin, with forms from the metatype service when it is there.
 * Only factory PIDs under the configured prefix ({@code org.bemgate.}) are listed and changed.
 */
@Component(service = ConnectorConfigs.class, configurationPid = WebConsoleConfig.PID)
public final class ConfigAdminConnectorConfigs implements ConnectorConfigs {

    private final Logger logger = LoggerFactory.getLogger(ConfigAdminConnectorConfigs.class);
    private final ConfigurationAdmin cm;
    private final BundleContext context;
    private final String prefix;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MetaTypeService metaType;

    /**
     * @param cm Config Admin
     * @param context this bundle's context, to find the other bundles' metatype
     * @param config the console configuration (factory PID prefix)
     */
    @Activate
    public ConfigAdminConnectorConfigs(@Reference ConfigurationAdmin cm, BundleContext context, WebConsoleConfig config) {
        this.cm = cm;
        this.context = context;
        this.prefix = config.factoryPidPrefix();
    }

    @Override
    public List<ConnectorType> types() {
        MetaTypeService mts = metaType;
        List<ConnectorType> out = new ArrayList<>();
        if (mts == null) {
            return out;
        }
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = mts.getMetaTypeInformation(b);
            if (info == null || info.getFactoryPids() == null) {
                continue;
            }
            for (String fpid : info.getFactoryPids()) {
                if (fpid.startsWith(prefix)) {
                    out.add(describe(b, info, fpid));
                }
            }
        }
        out.sort(Comparator.comparing(ConnectorType::factoryPid));
        return out;
    }

    @Override
    public List<ConfigInfo> list(String factoryPid) {
        String filter = factoryPid == null ? "(service.factoryPid=" + escape(prefix) + "*)"
                : "(service.factoryPid=" + escape(factoryPid) + ")";
        List<ConfigInfo> out = new ArrayList<>();
        for (Configuration c : find(filter)) {
            if (c.getFactoryPid() != null && c.getFactoryPid().startsWith(prefix)) {
                out.add(info(c));
            }
        }
        out.sort(Comparator.comparing(ConfigInfo::pid));
        return out;
    }

    @Override
    public Optional<ConfigInfo> get(String pid) {
        return Optional.ofNullable(configuration(pid)).map(this::info);
    }

    @Override
    public ConfigInfo create(String factoryPid, String name, Map<String, Object> properties) {
        if (!factoryPid.startsWith(prefix)) {
            throw new IllegalArgumentException("factory PID '" + factoryPid + "' is not under '" + prefix + "'");
        }
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("configuration name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        try {
            Configuration c = cm.getFactoryConfiguration(factoryPid, name, "?");
            if (c.getProperties() != null) {
                throw new IllegalStateException("a configuration " + c.getPid() + " exists already");
            }
            Map<String, Object> props = ConfigValues.forStorage(properties, Map.of(), type(factoryPid));
            c.update(new Hashtable<>(props));
            logger.info("Created configuration {} from the web console", c.getPid());
            return info(c);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public ConfigInfo update(String pid, Map<String, Object> properties) {
        Configuration c = require(pid);
        try {
            Map<String, Object> props = ConfigValues.forStorage(properties, toMap(c.getProperties()), type(c.getFactoryPid()));
            Dictionary<String, Object> old = c.getProperties();
            Hashtable<String, Object> next = new Hashtable<>(props);
            // fileinstall needs its file name to write the change back to the same etc/ file.
            if (old != null && old.get("felix.fileinstall.filename") != null) {
                next.put("felix.fileinstall.filename", old.get("felix.fileinstall.filename"));
            }
            c.update(next);
            logger.info("Changed configuration {} from the web console", pid);
            return info(c);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String pid) {
        try {
            require(pid).delete();
            logger.info("Deleted configuration {} from the web console", pid);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete the configuration: " + e.getMessage(), e);
        }
    }

    private Configuration require(String pid) {
        Configuration c = configuration(pid);
        if (c == null) {
            throw new NoSuchElementException("no connector configuration '" + pid + "'");
        }
        return c;
    }

    private Configuration configuration(String pid) {
        for (Configuration c : find("(service.pid=" + escape(pid) + ")")) {
            if (c.getFactoryPid() != null && c.getFactoryPid().startsWith(prefix)) {
                return c;
            }
        }
        return null;
    }

    private Configuration[] find(String filter) {
        try {
            Configuration[] found = cm.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot list configurations: " + e.getMessage(), e);
        }
    }

    private ConfigInfo info(Configuration c) {
        return new ConfigInfo(c.getPid(), c.getFactoryPid(), ConfigValues.forDisplay(toMap(c.getProperties()),
                type(c.getFactoryPid())));
    }

    private ConnectorType type(String factoryPid) {
        MetaTypeService mts = metaType;
        if (mts == null || factoryPid == null) {
            return null;
        }
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = mts.getMetaTypeInformation(b);
            if (info != null && info.getFactoryPids() != null && Arrays.asList(info.getFactoryPids()).contains(factoryPid)) {
                return describe(b, info, factoryPid);
            }
        }
        return null;
    }

    private static ConnectorType describe(Bundle b, MetaTypeInformation info, String factoryPid) {
        ObjectClassDefinition ocd = info.getObjectClassDefinition(factoryPid, null);
        List<ConnectorType.Attribute> attrs = new ArrayList<>();
        AttributeDefinition[] required = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        List<String> requiredIds = new ArrayList<>();
        if (required != null) {
            for (AttributeDefinition a : required) {
                requiredIds.add(a.getID());
            }
        }
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        if (all != null) {
            for (AttributeDefinition a : all) {
                List<ConnectorType.Option> options = new ArrayList<>();
                if (a.getOptionValues() != null) {
                    for (int i = 0; i < a.getOptionValues().length; i++) {
                        String label = a.getOptionLabels() != null && i < a.getOptionLabels().length ? a.getOptionLabels()[i]
                                : a.getOptionValues()[i];
                        options.add(new ConnectorType.Option(label, a.getOptionValues()[i]));
                    }
                }
                attrs.add(new ConnectorType.Attribute(a.getID(), a.getName(), a.getDescription() == null ? "" : a.getDescription(),
                        typeName(a.getType()), a.getCardinality(),
                        a.getDefaultValue() == null ? List.of() : List.of(a.getDefaultValue()), options,
                        requiredIds.contains(a.getID())));
            }
        }
        return new ConnectorType(factoryPid, ocd.getName(), ocd.getDescription() == null ? "" : ocd.getDescription(),
                b.getSymbolicName(), attrs);
    }

    private static String typeName(int type) {
        switch (type) {
            case AttributeDefinition.LONG: return "Long";
            case AttributeDefinition.INTEGER: return "Integer";
            case AttributeDefinition.SHORT: return "Short";
            case AttributeDefinition.CHARACTER: return "Character";
            case AttributeDefinition.BYTE: return "Byte";
            case AttributeDefinition.DOUBLE: return "Double";
            case AttributeDefinition.FLOAT: return "Float";
            case AttributeDefinition.BOOLEAN: return "Boolean";
            case AttributeDefinition.PASSWORD: return "Password";
            default: return "String";
        }
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        if (d != null) {
            for (Enumeration<String> e = d.keys(); e.hasMoreElements();) {
                String k = e.nextElement();
                m.put(k, d.get(k));
            }
        }
        return m;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
