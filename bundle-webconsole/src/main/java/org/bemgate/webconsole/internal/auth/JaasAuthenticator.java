package org.bemgate.webconsole.internal.auth;

import java.security.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks passwords against a Karaf JAAS realm ({@code karaf}: {@code etc/users.properties} by default).
 * The role names are those of the subject's {@link RolePrincipal}s, groups already expanded by Karaf.
 */
public final class JaasAuthenticator implements Authenticator {

    private final Logger logger = LoggerFactory.getLogger(JaasAuthenticator.class);
    private final String realm;
    private final ClassLoader bundleLoader;

    /**
     * @param realm the JAAS realm name
     * @param bundleLoader this bundle's class loader: Karaf's ProxyLoginModule is loaded through the
     *        thread context class loader, which in a servlet thread belongs to the web container
     */
    public JaasAuthenticator(String realm, ClassLoader bundleLoader) {
        this.realm = realm;
        this.bundleLoader = bundleLoader;
    }

    @Override
    public Optional<Set<String>> authenticate(String user, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundleLoader);
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            login.login();
            Set<String> roles = new HashSet<>();
            for (Principal p : subject.getPrincipals()) {
                if (p instanceof RolePrincipal) {
                    roles.add(p.getName());
                }
            }
            return Optional.of(roles);
        } catch (javax.security.auth.login.FailedLoginException | javax.security.auth.login.AccountException e) {
            return Optional.empty();
        } catch (LoginException e) {
            // Karaf reports a wrong password as a plain LoginException too; a missing realm is logged.
            if (e.getMessage() != null && e.getMessage().contains("No LoginModules configured")) {
                logger.warn("JAAS realm '{}' does not exist: nobody can log in to the web console", realm);
            } else {
                logger.debug("JAAS login of '{}' failed: {}", user, e.getMessage());
            }
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback) {
                ((NameCallback) c).setName(user);
            } else if (c instanceof PasswordCallback) {
                ((PasswordCallback) c).setPassword(password);
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }
}
