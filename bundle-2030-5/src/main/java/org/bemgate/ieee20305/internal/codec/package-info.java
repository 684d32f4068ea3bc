/**
 * The IEEE 2030.5 / CSIP-AUS XML of the resources the aggregator reads and writes, as records with a
 * pure codec ({@link org.bemgate.ieee20305.internal.codec.XmlIn}, {@link org.bemgate.ieee20305.internal.codec.XmlOut}):
 * no I/O here. Element order follows {@code sep.xsd} 2.1.0 and the CSIP-AUS extension xsds; CSIP-AUS
 * elements come after the standard ones, as envoy writes them.
 */
package org.bemgate.ieee20305.internal.codec;
