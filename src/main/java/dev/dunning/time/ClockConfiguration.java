package dev.dunning.time;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    @Bean
    ShiftableClock clock() {
        return ShiftableClock.systemUtc();
    }
}
