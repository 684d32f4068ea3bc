package org.bemgate.webconsole.internal;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

import org.bemgate.webconsole.internal.platform.FeatureAdmin;
import org.bemgate.webconsole.internal.platform.FeatureInfo;

/** Karaf's features as the console tests need them: one feature to install, and a repository that cannot be reached. */
final class FakeFeatures implements FeatureAdmin {

    private final Map<String, FeatureInfo> features = new ConcurrentHashMap<>(Map.of("bemgate-keba",
            new FeatureInfo("bemgate-keba", "0.1.0", "KEBA P30", false, "mvn:org.bemgate/features/0.1.0/xml/features")));

    @Override
    public List<FeatureInfo> list() {
        return List.copyOf(features.values());
    }

    @Override
    public void install(String name, String version, boolean upgrade) {
        set(name, true);
    }

    @Override
    public void uninstall(String name, String version) {
        set(name, false);
    }

    @Override
    public void addRepository(String uri) {
        throw new IllegalStateException("cannot reach " + uri);
    }

    private void set(String name, boolean installed) {
        FeatureInfo f = features.get(name);
        if (f == null) {
            throw new NoSuchElementException("no feature '" + name + "' in any repository");
        }
        features.put(name, new FeatureInfo(name, f.version(), f.description(), installed, f.repository()));
    }
}
