package dev.dunning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Pages for a debtor speak the debtor's language (set by the controller), not the browser's. */
@Configuration(proxyBeanMethods = false)
class DebtorLocaleResolver {

    static final String ATTRIBUTE = DebtorLocaleResolver.class.getName() + ".locale";

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver fallback = new AcceptHeaderLocaleResolver();
        fallback.setDefaultLocale(Locale.ENGLISH);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return request.getAttribute(ATTRIBUTE) instanceof Locale l ? l : fallback.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                request.setAttribute(ATTRIBUTE, locale);
            }
        };
    }
}
