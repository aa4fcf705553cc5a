package dev.taskq.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Task submission is open by default; with {@code taskq.submission.requires-login=true} it needs the operator's
 * login too: the REST submission answers 401 without it, and the submission page sends the browser to log in.
 */
@WebFilter(urlPatterns = {"/api/tasks", "/submit", "", "/index.xhtml"}, asyncSupported = true)
public class SubmissionLoginFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "taskq.submission.requires-login")
    boolean requiresLogin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!requiresLogin || request.getUserPrincipal() != null) {
            chain.doFilter(request, response);
        } else if (AdminAuthenticationMechanism.isApi(request) || request.getRequestURI().endsWith("/submit")) {
            if ("POST".equals(request.getMethod())) {
                AdminAuthenticationMechanism.writeUnauthorized(response, "task submission needs a login here");
            } else {
                chain.doFilter(request, response);
            }
        } else {
            response.sendRedirect(AdminAuthenticationMechanism.loginPage(request));
        }
    }
}
