package dev.taskq.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One login for the dashboard and the admin API. An API client sends HTTP Basic credentials with each request; a
 * browser logs in once on {@code /login.xhtml} ({@code LoginForm}) and is then known by its session. A request for
 * a protected resource without valid credentials is answered 401 with a problem body under {@code /api/}, and
 * redirected to the login page elsewhere.
 */
@ApplicationScoped
@AutoApplySession
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String LOGIN_PAGE = "/login.xhtml";
    private static final String BASIC = "Basic ";

    @Inject
    IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential given = context.getAuthParameters().getCredential();
        if (given == null) {
            given = basicCredential(request);
        }
        if (given != null) {
            CredentialValidationResult result = identities.validate(given);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return refuse(request, response, context, "the user name or password is wrong");
        }
        if (context.isProtected()) {
            return refuse(request, response, context, "this needs the operator's login");
        }
        return context.doNothing();
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String why) {
        if (context.isAuthenticationRequest() && !isApi(request)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (isApi(request)) {
            return unauthorized(response, context, why);
        }
        return context.redirect(loginPage(request));
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context,
            String why) {
        try {
            writeUnauthorized(response, why);
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Answers 401 with a Basic challenge and an RFC 9457 problem body saying {@code why}. */
    static void writeUnauthorized(HttpServletResponse response, String why) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"taskq\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"" + why + "\"}");
        response.flushBuffer();
    }

    /** The login page's address, coming back to the page asked for after the login. */
    static String loginPage(HttpServletRequest request) {
        String page = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return request.getContextPath() + LOGIN_PAGE + "?next=" + URLEncoder.encode(page + query,
                StandardCharsets.UTF_8);
    }

    /** Whether the request is for the REST API (answered with problems, not pages). */
    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The user name and password of an {@code Authorization: Basic …} header, or null when there is none. */
    static UsernamePasswordCredential basicCredential(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null
                : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
