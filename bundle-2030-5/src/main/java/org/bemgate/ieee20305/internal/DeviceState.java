package org.bemgate.ieee20305.internal;

import org.bemgate.ieee20305.internal.ControlReader.Reading;

/** What the connector knows of one site; touched on the connector's thread only. */
final class DeviceState {

    final DeviceSpec spec;
    /** The site's EndDevice, once found or created. */
    String endDeviceHref;
    /** Its DER, once found or created. */
    String derHref;
    /** true once every registration step succeeded. */
    boolean registered;
    /** The last problem, "" when none. */
    String problem = "";
    /** The last control reading, or null. */
    Reading reading;

    DeviceState(DeviceSpec spec) {
        this.spec = spec;
    }
}
