/**
 * Queries of the history of active datapoints: raw points in a time range, or aggregated into
 * fixed intervals.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.bemgate.core.api.history;
