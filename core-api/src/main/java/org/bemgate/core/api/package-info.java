/**
 * The bemgate datapoint model, its messages and the registry service.
 *
 * <p>A <em>datapoint</em> is one value a device offers, identified by {@code <connector>/<key>}, where
 * the key follows BEMCom's key format for the protocol. Connectors register their datapoints and
 * publish samples through {@link org.bemgate.core.api.DatapointRegistry}; everyone else queries the
 * registry, writes actuator values through it and listens to it by registering a
 * {@link org.bemgate.core.api.DatapointListener} service (whiteboard pattern).
 *
 * <p>Values are plain JSON values as Java objects: {@code null}, {@link java.lang.Boolean},
 * {@link java.lang.Number}, {@link java.lang.String}, {@link java.util.List} and
 * {@link java.util.Map} with string keys. Timestamps are epoch milliseconds.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.bemgate.core.api;
