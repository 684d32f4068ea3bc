/**
 * Building blocks for connector bundles that are not part of the connector SPI: the scheduler a
 * connector runs all its work on. Semantically versioned like core-api.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.bemgate.connector.support;
