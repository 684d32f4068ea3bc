package org.bemgate.webconsole.internal.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link FeatureAdmin} on Karaf's FeaturesService; active only where that service exists. */
@Component(service = FeatureAdmin.class)
public final class KarafFeatureAdmin implements FeatureAdmin {

    private final Logger logger = LoggerFactory.getLogger(KarafFeatureAdmin.class);
    private final FeaturesService features;

    /** @param features Karaf's features service */
    @Activate
    public KarafFeatureAdmin(@Reference FeaturesService features) {
        this.features = features;
    }

    @Override
    public List<FeatureInfo> list() {
        try {
            List<FeatureInfo> out = new ArrayList<>();
            for (Feature f : features.listFeatures()) {
                if (!f.isHidden()) {
                    out.add(new FeatureInfo(f.getName(), f.getVersion(), f.getDescription() == null ? "" : f.getDescription(),
                            features.isInstalled(f), f.getRepositoryUrl()));
                }
            }
            out.sort(Comparator.comparing(FeatureInfo::name).thenComparing(FeatureInfo::version));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list features: " + e.getMessage(), e);
        }
    }

    @Override
    public void install(String name, String version, boolean upgrade) {
        EnumSet<FeaturesService.Option> options = upgrade ? EnumSet.of(FeaturesService.Option.Upgrade)
                : EnumSet.noneOf(FeaturesService.Option.class);
        try {
            features.installFeature(name, version == null || version.isEmpty() ? null : version, options);
            logger.info("{} feature {}{} from the web console", upgrade ? "Upgraded" : "Installed", name,
                    version == null ? "" : "/" + version);
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException(e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("cannot install feature " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void uninstall(String name, String version) {
        try {
            if (version == null || version.isEmpty()) {
                features.uninstallFeature(name);
            } else {
                features.uninstallFeature(name, version);
            }
            logger.info("Uninstalled feature {} from the web console", name);
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException(e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("cannot uninstall feature " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void addRepository(String uri) {
        try {
            features.addRepository(URI.create(uri));
            logger.info("Added features repository {} from the web console", uri);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot add features repository " + uri + ": " + e.getMessage(), e);
        }
    }
}
