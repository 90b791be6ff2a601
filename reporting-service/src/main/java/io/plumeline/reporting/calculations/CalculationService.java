package io.plumeline.reporting.calculations;

import io.plumeline.core.emissions.Calculation;
import io.plumeline.core.emissions.CalculationException;
import io.plumeline.core.emissions.CalculationResult;
import io.plumeline.core.emissions.Calculator;
import io.plumeline.core.emissions.GwpSet;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.api.BadFieldException;
import io.plumeline.reporting.site.SiteCatalog;
import org.springframework.stereotype.Service;

/** What-if calculations: a request computed by core's {@link Calculator}, the one implementation of every equation. */
@Service
public class CalculationService {

    private final Calculator calculator;
    private final SiteCatalog sites;

    public CalculationService(Calculator calculator, SiteCatalog sites) {
        this.calculator = calculator;
        this.sites = sites;
    }

    /**
     * Computes {@code request}; its GWP set defaults to the site's ({@code site}, or the only site served).
     * A request the calculator refuses is answered with the field at fault, as a path in the request body.
     */
    CalculationResponse calculate(String site, CalculationRequest request) {
        SiteModel model = site == null || site.isBlank() ? null : sites.resolve(site);
        try {
            GwpSet gwp = GwpSet.of(request.gwp() != null ? request.gwp() : defaultGwp(model));
            CalculationResult result = calculator.calculate(new Calculation(request.method(), request.fuel(), gwp,
                    request.inputs(), request.streams()));
            return CalculationResponse.of(result);
        } catch (CalculationException e) {
            throw new BadFieldException(field(e.input(), request), problem(e));
        }
    }

    private String defaultGwp(SiteModel model) {
        if (model == null) {
            if (sites.all().size() != 1) {
                throw new BadFieldException("gwp", "is required: give a GWP set (AR4, AR5, AR6), or site= to use the"
                        + " site's; this service serves " + sites.all().size() + " sites, "
                        + sites.all().stream().map(s -> s.site().id()).toList());
            }
            model = sites.all().get(0);
        }
        if (model.site().gwp() == null) {
            throw new BadFieldException("gwp", "is required: site '" + model.site().id() + "' names no GWP set");
        }
        return model.site().gwp();
    }

    /** Core names an input by its name ({@code hhv}); in the body it is {@code inputs.hhv}. */
    private static String field(String input, CalculationRequest request) {
        boolean isInput = request.method().input(input).isPresent() || request.inputs().containsKey(input);
        return isInput ? "inputs." + input : input;
    }

    private static String problem(CalculationException e) {
        String prefix = e.input() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }
}
