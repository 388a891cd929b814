package com.example.authserver.mail;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * The plain-text parts of the emails, {@code templates/email/*.txt}, in Thymeleaf's TEXT mode. Their HTML
 * parts, {@code templates/email/*.html}, go through the pages' own template resolver. Spring Boot adds
 * every template resolver bean to its template engine; this one is asked first, and only for its own names.
 */
@Configuration(proxyBeanMethods = false)
class EmailTemplates {

    static final String TEXT_SUFFIX = ".txt";

    @Bean
    ITemplateResolver emailTextTemplateResolver() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of("email/*" + TEXT_SUFFIX));
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setOrder(0);
        return resolver;
    }
}
