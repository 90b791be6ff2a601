package io.plumeline.reporting.calculations;

import io.plumeline.core.emissions.Calculator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Core's calculator with the factor tables shipped in core: the same equations and factors the Flink job uses. */
@Configuration
class CalculatorConfiguration {

    @Bean
    Calculator calculator() {
        return Calculator.withDefaults();
    }
}
