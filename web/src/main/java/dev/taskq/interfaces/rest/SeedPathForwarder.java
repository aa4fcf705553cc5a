package dev.taskq.interfaces.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the original app's paths ({@code /submit}, {@code /check_status/{id}}) from the REST API, which lives
 * under {@code /api} so that the rest of the site stays free for the Faces UI.
 */
@WebFilter(urlPatterns = {"/submit", "/check_status/*"})
public class SeedPathForwarder extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        request.getRequestDispatcher(RestApplication.PATH + SeedCompatibilityResource.PATH + path)
                .forward(request, response);
    }
}
