package org.bemgate.ieee20305.internal.codec;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one element of a 2030.5 body. Elements are matched by namespace and local name, never by
 * prefix; CSIP-AUS elements are accepted in both of its namespaces. Every problem names the path of
 * the element, such as {@code EndDevice/sFDI}. DOCTYPEs are refused, so no entity is ever expanded.
 */
public final class XmlIn {

    private static final DocumentBuilderFactory FACTORY = factory();

    private final Element el;
    private final String path;

    private XmlIn(Element el, String path) {
        this.el = el;
        this.path = path;
    }

    /**
     * Parses a body.
     *
     * @param body the text
     * @param root the expected root element's local name
     * @param rootNamespaces the namespaces the root may be in
     * @return the root
     * @throws InvalidXmlException if the body is not well-formed or has another root
     */
    public static XmlIn parse(String body, String root, Set<String> rootNamespaces) throws InvalidXmlException {
        if (body == null || body.isBlank()) {
            throw new InvalidXmlException("empty body where " + root + " was expected");
        }
        Element e;
        try {
            DocumentBuilder b;
            synchronized (FACTORY) {
                b = FACTORY.newDocumentBuilder();
            }
            b.setErrorHandler(new DefaultHandler());
            e = b.parse(new InputSource(new StringReader(body))).getDocumentElement();
        } catch (SAXException | IOException | ParserConfigurationException ex) {
            throw new InvalidXmlException("not well-formed XML where " + root + " was expected: " + ex.getMessage());
        }
        if (!root.equals(e.getLocalName()) || e.getNamespaceURI() == null || !rootNamespaces.contains(e.getNamespaceURI())) {
            throw new InvalidXmlException("expected " + root + " in " + String.join(" or ", rootNamespaces) + ", got "
                    + e.getLocalName() + (e.getNamespaceURI() == null ? " without a namespace" : " in " + e.getNamespaceURI()));
        }
        return new XmlIn(e, root);
    }

    /** Parses a body whose root is in the 2030.5 namespace. */
    public static XmlIn parse(String body, String root) throws InvalidXmlException {
        return parse(body, root, Set.of(Sep.NS));
    }

    /** @return the element's path, for messages */
    public String path() {
        return path;
    }

    /** @return the attribute's value, or null when absent */
    public String attr(String name) {
        return el.hasAttribute(name) ? el.getAttribute(name) : null;
    }

    /** @return the element's href attribute, or null */
    public String href() {
        return attr("href");
    }

    /** @return an unsigned integer attribute, or null */
    public Integer intAttr(String name) throws InvalidXmlException {
        String v = attr(name);
        return v == null ? null : (int) number(v, "@" + name);
    }

    /** @return the first child in the 2030.5 namespace with that name, or null */
    public XmlIn child(String name) {
        List<XmlIn> c = find(name, Set.of(Sep.NS), true);
        return c.isEmpty() ? null : c.get(0);
    }

    /** @return the first CSIP-AUS child with that name, in either namespace, or null */
    public XmlIn csipChild(String name) {
        List<XmlIn> c = find(name, Sep.CSIPAUS_ANY, true);
        return c.isEmpty() ? null : c.get(0);
    }

    /** @return every 2030.5 child with that name, in order */
    public List<XmlIn> children(String name) {
        return find(name, Set.of(Sep.NS), false);
    }

    /** @return a required child */
    public XmlIn required(String name) throws InvalidXmlException {
        XmlIn c = child(name);
        if (c == null) {
            throw new InvalidXmlException(path + "/" + name + " is missing");
        }
        return c;
    }

    /** @return the element's trimmed text */
    public String text() {
        return el.getTextContent().strip();
    }

    /** @return a child's text, or null */
    public String optText(String name) {
        XmlIn c = child(name);
        return c == null ? null : c.text();
    }

    /** @return a required child's text */
    public String reqText(String name) throws InvalidXmlException {
        return required(name).text();
    }

    /** @return a child's integer value, or null */
    public Long optLong(String name) throws InvalidXmlException {
        XmlIn c = child(name);
        return c == null ? null : number(c.text(), name);
    }

    /** @return a required child's integer value */
    public long reqLong(String name) throws InvalidXmlException {
        return number(reqText(name), name);
    }

    /** @return a child's integer value, or null */
    public Integer optInt(String name) throws InvalidXmlException {
        Long v = optLong(name);
        return v == null ? null : toInt(v, name);
    }

    /** @return a required child's integer value */
    public int reqInt(String name) throws InvalidXmlException {
        return toInt(reqLong(name), name);
    }

    /** @return a child's xs:boolean value, or null */
    public Boolean optBool(String name) throws InvalidXmlException {
        XmlIn c = child(name);
        if (c == null) {
            return null;
        }
        return switch (c.text()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new InvalidXmlException(path + "/" + name + ": '" + c.text() + "' is not a boolean");
        };
    }

    /** @return a child's HexBinary value, or null */
    public Long optHex(String name) throws InvalidXmlException {
        XmlIn c = child(name);
        return c == null ? null : c.hexValue();
    }

    /** @return a CSIP-AUS child's HexBinary value, or null */
    public Long csipHex(String name) throws InvalidXmlException {
        XmlIn c = csipChild(name);
        return c == null ? null : c.hexValue();
    }

    /** @return a Link or ListLink child, or null; an href is required */
    public Link link(String name) throws InvalidXmlException {
        return link(child(name));
    }

    /** @return a CSIP-AUS link child, or null */
    public Link csipLink(String name) throws InvalidXmlException {
        return link(csipChild(name));
    }

    /** @return an ActivePower-like child, or null */
    public Power power(String name) throws InvalidXmlException {
        return power(child(name));
    }

    /** @return a CSIP-AUS ActivePower-like child, or null */
    public Power csipPower(String name) throws InvalidXmlException {
        return power(csipChild(name));
    }

    private Long hexValue() throws InvalidXmlException {
        String t = text();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        try {
            if (t.isEmpty() || t.length() > 16) {
                throw new NumberFormatException();
            }
            return Long.parseUnsignedLong(t, 16);
        } catch (NumberFormatException e) {
            throw new InvalidXmlException(path + ": '" + text() + "' is not hexadecimal");
        }
    }

    private static Link link(XmlIn c) throws InvalidXmlException {
        if (c == null) {
            return null;
        }
        String href = c.href();
        if (href == null || href.isBlank()) {
            throw new InvalidXmlException(c.path + " has no href");
        }
        return new Link(href, c.intAttr("all"));
    }

    private static Power power(XmlIn c) throws InvalidXmlException {
        if (c == null) {
            return null;
        }
        long m = c.optLong("multiplier") == null ? 0 : c.optLong("multiplier");
        return new Power(toInt(c.reqLong("value"), c.path), toInt(m, c.path));
    }

    private long number(String v, String name) throws InvalidXmlException {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidXmlException(path + "/" + name + ": '" + v + "' is not an integer");
        }
    }

    private static int toInt(long v, String name) throws InvalidXmlException {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidXmlException(name + ": " + v + " is out of range");
        }
        return (int) v;
    }

    private List<XmlIn> find(String name, Set<String> namespaces, boolean first) {
        List<XmlIn> found = new ArrayList<>();
        for (Node n = el.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName()) && c.getNamespaceURI() != null
                    && namespaces.contains(c.getNamespaceURI())) {
                found.add(new XmlIn(c, path + "/" + name));
                if (first) {
                    break;
                }
            }
        }
        return found;
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
        }
        return f;
    }
}
