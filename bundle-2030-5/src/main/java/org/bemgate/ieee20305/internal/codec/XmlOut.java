package org.bemgate.ieee20305.internal.codec;

import java.io.StringWriter;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one 2030.5 resource: the root in the 2030.5 namespace (or the CSIP-AUS one for
 * ConnectionPoint), CSIP-AUS elements with the {@code csipaus} prefix. Null values are left out, so
 * optional elements need no branches at the call site. Not thread-safe; one per body.
 */
public final class XmlOut {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter w;
    private final String csipNs;

    /**
     * Starts a document.
     *
     * @param root the root element's name
     * @param rootNs its namespace, {@link Sep#NS} or the CSIP-AUS one
     * @param csipNs the CSIP-AUS namespace to write extensions in
     * @param href the resource's href attribute, or null
     */
    public XmlOut(String root, String rootNs, String csipNs, String href) {
        this.csipNs = csipNs;
        try {
            w = FACTORY.createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(rootNs);
            w.writeStartElement(rootNs, root);
            w.writeDefaultNamespace(rootNs);
            if (!rootNs.equals(csipNs)) {
                w.setPrefix("csipaus", csipNs);
                w.writeNamespace("csipaus", csipNs);
            }
            attr("href", href);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an attribute of the element just started, unless null. */
    public XmlOut attr(String name, Object value) {
        if (value != null) {
            call(() -> w.writeAttribute(name, String.valueOf(value)));
        }
        return this;
    }

    /** Writes {@code <name>value</name>} in the 2030.5 namespace, unless null. */
    public XmlOut text(String name, Object value) {
        return text(Sep.NS, name, value);
    }

    /** Writes {@code <csipaus:name>value</csipaus:name>}, unless null. */
    public XmlOut csipText(String name, Object value) {
        return text(csipNs, name, value);
    }

    /** Writes a HexBinary element with an even number of upper-case digits, as xs:hexBinary requires, unless null. */
    public XmlOut hex(String name, Long value) {
        return text(name, value == null ? null : hex(value));
    }

    /** The CSIP-AUS variant of {@link #hex(String, Long)}. */
    public XmlOut csipHex(String name, Long value) {
        return csipText(name, value == null ? null : hex(value));
    }

    /** Writes a Link or ListLink, unless null. */
    public XmlOut link(String name, Link link) {
        return link(Sep.NS, name, link);
    }

    /** Writes a CSIP-AUS link such as ConnectionPointLink, unless null. */
    public XmlOut csipLink(String name, Link link) {
        return link(csipNs, name, link);
    }

    /** Writes an ActivePower-like element, unless null. */
    public XmlOut power(String name, Power p) {
        return power(Sep.NS, name, p);
    }

    /** Writes a CSIP-AUS ActivePower-like element (its children are 2030.5 elements), unless null. */
    public XmlOut csipPower(String name, Power p) {
        return power(csipNs, name, p);
    }

    /** Opens a child element in the 2030.5 namespace; close it with {@link #end()}. */
    public XmlOut start(String name) {
        call(() -> w.writeStartElement(Sep.NS, name));
        return this;
    }

    /** Closes the last opened element. */
    public XmlOut end() {
        call(w::writeEndElement);
        return this;
    }

    /** @return the document */
    public String finish() {
        call(() -> {
            w.writeEndDocument();
            w.close();
        });
        return text.toString();
    }

    static String hex(long value) {
        String h = Long.toHexString(value).toUpperCase(Locale.ROOT);
        return h.length() % 2 == 0 ? h : "0" + h;
    }

    private XmlOut text(String ns, String name, Object value) {
        if (value != null) {
            call(() -> {
                w.writeStartElement(ns, name);
                w.writeCharacters(value instanceof Boolean b ? b.toString() : String.valueOf(value));
                w.writeEndElement();
            });
        }
        return this;
    }

    private XmlOut link(String ns, String name, Link link) {
        if (link != null) {
            call(() -> {
                w.writeEmptyElement(ns, name);
                w.writeAttribute("href", link.href());
                if (link.all() != null) {
                    w.writeAttribute("all", String.valueOf(link.all()));
                }
            });
        }
        return this;
    }

    private XmlOut power(String ns, String name, Power p) {
        if (p != null) {
            call(() -> w.writeStartElement(ns, name));
            text("multiplier", p.multiplier());
            text("value", p.value());
            end();
        }
        return this;
    }

    private interface Step {
        void run() throws XMLStreamException;
    }

    private static void call(Step s) {
        try {
            s.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
    }
}
