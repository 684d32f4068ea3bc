/**
 * The connector SPI: what a device bundle implements so the registry can route writes to it and
 * everyone can see its health.
 *
 * <p>A connector is one configured device. Its component registers a {@link
 * org.bemgate.core.api.connector.Connector} service, registers its datapoints with the {@link
 * org.bemgate.core.api.DatapointRegistry} and publishes samples to it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.bemgate.core.api.connector;
