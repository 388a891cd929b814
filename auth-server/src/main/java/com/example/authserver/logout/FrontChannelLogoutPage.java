package com.example.authserver.logout;

import com.example.authserver.security.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The signed-out page of front-channel logout, shown instead of the redirect that ends a sign-out (to the sign-in
 * page, or a client's {@code post_logout_redirect_uri} with its {@code state}) when {@link FrontChannelLogout} found
 * clients to tell: the redirect's target becomes the page's "continue" link, which {@code js/front-channel-logout.js}
 * follows once the frames loaded. The framework's handlers only redirect, so the response is wrapped to catch that.
 * Not a bean: the chains create it (a filter bean would also run outside them).
 */
final class FrontChannelLogoutPage extends OncePerRequestFilter {

    static final String VIEW = "logout/signed-out";

    private final String path;

    private final ThymeleafViewResolver views;

    FrontChannelLogoutPage(String path, ThymeleafViewResolver views) {
        this.path = path;
        this.views = views;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path.equals(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {

            @Override
            public void sendRedirect(String location) throws IOException {
                if (!(request.getAttribute(FrontChannelLogout.FRAMES_ATTRIBUTE)
                        instanceof FrontChannelLogout.Frames frames)) {
                    super.sendRedirect(location);
                    return;
                }
                try {
                    render(frames, location, request, response);
                } catch (Exception ex) {
                    throw new IOException("The signed-out page could not be rendered", ex);
                }
            }
        });
    }

    private void render(
            FrontChannelLogout.Frames frames, String location, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        response.setHeader("Content-Security-Policy", SecurityHeaders.allowingFrames(frames.origins()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Map<String, Object> model = new HashMap<>();
        model.put("frames", frames.uris());
        model.put("continueUri", location);
        View view = views.resolveViewName(VIEW, request.getLocale());
        view.render(model, request, response);
    }
}
