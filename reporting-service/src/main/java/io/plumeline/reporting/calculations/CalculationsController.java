package io.plumeline.reporting.calculations;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CalculationsController {

    private final CalculationRequestReader reader;
    private final CalculationService calculations;

    CalculationsController(CalculationRequestReader reader, CalculationService calculations) {
        this.reader = reader;
        this.calculations = calculations;
    }

    /** The body is read here rather than bound, so that every field it cannot use is named by its path. */
    @PostMapping("/api/v1/calculations")
    public CalculationResponse calculate(@RequestParam(required = false) String site,
                                         @RequestBody(required = false) String body) {
        return calculations.calculate(site, reader.read(body));
    }
}
