package com.example.authserver.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error page is templates/error.html, whatever the status. Spring Boot's default resolver would first look for
 * error/&lt;status&gt;.html and error/4xx.html among the templates and in four static folders, through every jar of the
 * class path, on every error: 9 % of the server's time in a flood of bad requests (measured by the bad-input sweeps
 * under JFR). To give one status a page of its own, return its template here: a file error/404.html alone is not
 * looked for.
 */
@Component
class ErrorPageResolver implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return new ModelAndView("error", model, status);
    }
}
