package org.bemgate.simulators.ieee20305;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The simulator's own XML: a small writer with escaping and a namespace-aware DOM reader that refuses
 * DOCTYPEs. Written apart from the bundle's codec on purpose, so each side checks the other.
 */
final class ServerXml {

    static final String SEP = "urn:ieee:std:2030.5:ns";

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
    private boolean tagOpen;

    /** Starts a body whose root is in {@code rootNs}, declaring the csipaus prefix for extensions. */
    ServerXml(String root, String rootNs, String csipNs, String href) {
        out.append('<').append(root).append(" xmlns=\"").append(rootNs).append('"');
        if (!rootNs.equals(csipNs)) {
            out.append(" xmlns:csipaus=\"").append(csipNs).append('"');
        }
        open.push(root);
        tagOpen = true;
        attr("href", href);
    }

    ServerXml attr(String name, Object value) {
        if (value != null) {
            out.append(' ').append(name).append("=\"").append(escape(String.valueOf(value))).append('"');
        }
        return this;
    }

    ServerXml open(String name) {
        closeTag();
        out.append('<').append(name);
        open.push(name);
        tagOpen = true;
        return this;
    }

    ServerXml close() {
        String name = open.pop();
        if (tagOpen) {
            out.append("/>");
            tagOpen = false;
        } else {
            out.append("</").append(name).append('>');
        }
        return this;
    }

    ServerXml el(String name, Object value) {
        if (value != null) {
            closeTag();
            out.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</").append(name).append('>');
        }
        return this;
    }

    ServerXml link(String name, String href, Integer all) {
        return open(name).attr("href", href).attr("all", all).close();
    }

    /** An ActivePower: the smallest multiplier that keeps the value in Int16. */
    ServerXml power(String name, long watts) {
        long v = watts;
        int m = 0;
        while (Math.abs(v) > Short.MAX_VALUE) {
            v /= 10;
            m++;
        }
        return open(name).el("multiplier", m).el("value", v).close();
    }

    String finish() {
        while (!open.isEmpty()) {
            close();
        }
        return out.toString();
    }

    private void closeTag() {
        if (tagOpen) {
            out.append('>');
            tagOpen = false;
        }
    }

    static String hex(long v) {
        String h = Long.toHexString(v).toUpperCase(Locale.ROOT);
        return h.length() % 2 == 0 ? h : "0" + h;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- reading -----------------------------------------------------------------------------------

    /** A request body that cannot be taken; becomes HTTP 400 with the message. */
    static final class BadBody extends Exception {
        private static final long serialVersionUID = 1L;

        BadBody(String message) {
            super(message);
        }
    }

    /** @return the root, checked to be {@code root} in {@code ns} */
    static Element parse(String body, String root, String ns) throws BadBody {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler());
            Element e = b.parse(new InputSource(new StringReader(body))).getDocumentElement();
            if (!root.equals(e.getLocalName()) || !ns.equals(e.getNamespaceURI())) {
                throw new BadBody("request body couldn't map to model XML: expected " + root + " in " + ns + ", got " + e.getLocalName()
                        + " in " + e.getNamespaceURI());
            }
            return e;
        } catch (SAXException | IOException | ParserConfigurationException ex) {
            throw new BadBody("request body couldn't map to model XML: " + ex.getMessage());
        }
    }

    /** @return the text of the first child with that name in that namespace, or null */
    static String text(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName()) && ns.equals(c.getNamespaceURI())) {
                return c.getTextContent().strip();
            }
        }
        return null;
    }

    /** @return the text of a required child */
    static String required(Element parent, String ns, String name) throws BadBody {
        String t = text(parent, ns, name);
        if (t == null) {
            throw new BadBody(parent.getLocalName() + "/" + name + " is required");
        }
        return t;
    }

    /** @return true if a child with that name is there in the namespace */
    static boolean has(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName()) && ns.equals(c.getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }
}
