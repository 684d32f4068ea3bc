package org.bemgate.webconsole.internal.auth;

import java.util.Collection;
import java.util.Optional;

import org.bemgate.webconsole.internal.Settings;

/** The console's roles; each includes the ones before it. */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Also writes values, setpoints and schedules and chooses the active datapoints. */
    OPERATOR,
    /** Also manages connectors, configurations, bundles and features. */
    ADMIN;

    /**
     * @param required the role an action needs
     * @return true if this role may do it
     */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** @return the lower-case name used in JSON */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Maps JAAS role names to the highest console role they grant.
     *
     * @param jaasRoles the user's JAAS roles
     * @param settings which JAAS roles mean which console role
     * @return the console role, or empty if none of the roles is mapped
     */
    public static Optional<Role> highest(Collection<String> jaasRoles, Settings settings) {
        Role best = null;
        for (String r : jaasRoles) {
            Role role = settings.adminRoles().contains(r) ? ADMIN
                    : settings.operatorRoles().contains(r) ? OPERATOR
                    : settings.viewerRoles().contains(r) ? VIEWER : null;
            if (role != null && (best == null || role.includes(best))) {
                best = role;
            }
        }
        return Optional.ofNullable(best);
    }
}
