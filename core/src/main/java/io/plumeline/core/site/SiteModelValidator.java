package io.plumeline.core.site;

import io.plumeline.core.emissions.CalculationMethod;
import io.plumeline.core.emissions.FlueGasBasis;
import io.plumeline.core.emissions.MethodInput;
import io.plumeline.core.emissions.PollutantMass;
import io.plumeline.core.units.Dimension;
import io.plumeline.core.units.UnitOfMeasure;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Checks what the YAML mapping cannot: required fields, references, ids, units, node ids and cycles. */
final class SiteModelValidator {

    static final Set<String> PROGRAMS = Set.of("EPA_PART98", "EU_ETS", "CN_MEE");
    static final Set<String> GWP_SETS = Set.of("SAR", "AR4", "AR5", "AR6");
    static final Set<String> SECURITY_POLICIES =
            Set.of("None", "Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss");
    static final Set<String> SECURITY_MODES = Set.of("None", "Sign", "SignAndEncrypt");
    static final Set<String> AUTH_TYPES = Set.of("anonymous", "username");
    static final Set<String> CATEGORIES = Set.of("stationary_combustion", "flare", "process", "fugitive");
    static final Set<String> SUBSTITUTIONS = Set.of(EmissionSource.PROGRAM, "PART75", "NONE");
    static final Set<String> ALLOCATION_BASES = Set.of("mass", "energy", "economic");

    private final SiteModel model;
    private final List<String> problems = new ArrayList<>();

    SiteModelValidator(SiteModel model) {
        this.model = model;
    }

    List<String> problems() {
        checkHeader();
        Set<String> servers = ids("servers", model.servers(), OpcServer::id);
        Set<String> units = ids("units", model.units(), PlantUnit::id);
        Set<String> tags = ids("tags", model.tags(), Tag::id);
        ids("sources", model.sources(), EmissionSource::id);
        ids("streams", model.streams(), MaterialStream::id);
        for (int i = 0; i < model.servers().size(); i++) checkServer("servers[" + i + "]", model.servers().get(i));
        for (int i = 0; i < model.units().size(); i++) {
            PlantUnit unit = model.units().get(i);
            refers("units[" + i + "].parent", unit.parent(), units, "unit", false);
            checkAllocation("units[" + i + "].allocation", unit);
        }
        checkUnitCycles();
        for (int i = 0; i < model.tags().size(); i++) checkTag("tags[" + i + "]", model.tags().get(i), units, servers);
        for (int i = 0; i < model.sources().size(); i++) checkSource("sources[" + i + "]", model.sources().get(i), units, tags);
        for (int i = 0; i < model.streams().size(); i++) checkStream("streams[" + i + "]", model.streams().get(i), units, tags);
        checkClosedStreamLoops();
        Hj212Checks.check(model, this::problem);
        for (int i = 0; i < model.limits().size(); i++) checkLimit("limits[" + i + "]", model.limits().get(i), tags);
        return problems;
    }

    private void checkHeader() {
        if (!SiteModel.API_VERSION.equals(model.apiVersion())) {
            problem("apiVersion", "must be '" + SiteModel.API_VERSION + "', found '" + model.apiVersion() + "'");
        }
        Site site = model.site();
        if (site == null) {
            problem("site", "is required");
            return;
        }
        required("site.id", site.id());
        if (required("site.timezone", site.timezone())) {
            try {
                ZoneId.of(site.timezone());
            } catch (DateTimeException e) {
                problem("site.timezone", "unknown time zone '" + site.timezone() + "'");
            }
        }
        oneOf("site.program", site.program(), PROGRAMS, true);
        oneOf("site.gwp", site.gwp(), GWP_SETS, true);
        oneOf("site.locale", site.locale(), Site.LOCALES, false);
        problems.addAll(MethodEligibility.subpartProblems(site));
    }

    private void checkServer(String path, OpcServer server) {
        if (required(path + ".endpoint", server.endpoint()) && !server.endpoint().startsWith("opc.tcp://")) {
            problem(path + ".endpoint", "must be an opc.tcp:// URL, found '" + server.endpoint() + "'");
        }
        oneOf(path + ".securityPolicy", server.securityPolicy(), SECURITY_POLICIES, true);
        oneOf(path + ".securityMode", server.securityMode(), SECURITY_MODES, true);
        if ("None".equals(server.securityPolicy()) != "None".equals(server.securityMode())) {
            problem(path, "securityPolicy " + server.securityPolicy() + " and securityMode " + server.securityMode()
                    + " do not go together: both are None, or neither is");
        }
        OpcServer.Auth auth = server.auth();
        if (oneOf(path + ".auth.type", auth.type(), AUTH_TYPES, true) && auth.isUsername()) {
            required(path + ".auth.username", auth.username());
            if (auth.passwordEnv() == null && auth.passwordFile() == null) {
                problem(path + ".auth", "username authentication needs passwordEnv or passwordFile");
            }
        }
        checkCredentialSecurity(path, server);
        for (int i = 0; i < server.skipCertificateChecks().size(); i++) {
            oneOf(path + ".skipCertificateChecks[" + i + "]", server.skipCertificateChecks().get(i),
                    OpcServer.CERTIFICATE_CHECKS, true);
        }
        if (!server.skipCertificateChecks().isEmpty() && server.insecure() && !auth.isUsername()) {
            problem(path + ".skipCertificateChecks", "securityPolicy None with anonymous users checks no server certificate;"
                    + " remove skipCertificateChecks");
        }
    }

    /**
     * Username over securityPolicy None has no secure channel under the password: it goes in clear when the
     * server's token policy does not encrypt it, and the session is neither signed nor encrypted. Refused unless
     * the operator accepts it for that server; the flag is refused where it means nothing, so that it does not
     * linger and take effect when someone later switches the server back to None.
     */
    private void checkCredentialSecurity(String path, OpcServer server) {
        boolean usernameOverNone = server.auth().isUsername() && server.insecure();
        if (usernameOverNone && !server.allowInsecureCredentials()) {
            problem(path + ".auth", "username authentication over securityPolicy None sends the password without a secure"
                    + " channel (in clear when the server's token policy does not encrypt it); choose a securityPolicy other"
                    + " than None, or set allowInsecureCredentials: true on this server to accept that");
        } else if (!usernameOverNone && server.allowInsecureCredentials()) {
            problem(path + ".allowInsecureCredentials", "is only for username authentication over securityPolicy None;"
                    + " remove it");
        }
    }

    private void checkTag(String path, Tag tag, Set<String> units, Set<String> servers) {
        refers(path + ".unit", tag.unit(), units, "unit", true);
        refers(path + ".server", tag.server(), servers, "server", true);
        if (required(path + ".node", tag.node())) {
            try {
                OpcNodeId.parse(tag.node());
            } catch (IllegalArgumentException e) {
                problem(path + ".node", e.getMessage());
            }
        }
        knownUnit(path + ".uom", tag.uom());
        if (tag.samplingMs() <= 0) {
            problem(path + ".samplingMs", "must be positive, found " + tag.samplingMs());
        }
        Tag.ValidRange valid = tag.valid();
        if (valid != null && valid.min() != null && valid.max() != null && valid.min() > valid.max()) {
            problem(path + ".valid", "min " + valid.min() + " is above max " + valid.max());
        }
    }

    private void checkSource(String path, EmissionSource source, Set<String> units, Set<String> tags) {
        refers(path + ".unit", source.unit(), units, "unit", true);
        oneOf(path + ".category", source.category(), CATEGORIES, true);
        oneOf(path + ".substitution", source.substitution(), SUBSTITUTIONS, true);
        MissingDataChecks.check(model, path, source, this::problem);
        Part75Checks.check(path, source, this::problem);
        checkOperatingStatus(path + ".operatingStatus", source.operatingStatus(), tags);
        checkLoad(path + ".load", source.load(), tags);
        if (!required(path + ".method", source.method())) {
            return;
        }
        CalculationMethod method = CalculationMethod.find(source.method()).orElse(null);
        if (method == null) {
            String renamed = MethodEligibility.RENAMED.get(source.method());
            problem(path + ".method", renamed != null ? source.method() + " " + renamed
                    : "unknown method '" + source.method() + "'; known methods: " + java.util.Arrays.toString(CalculationMethod.values()));
            return;
        }
        problems.addAll(MethodEligibility.problems(path, source, method, model.site()));
        if (method == CalculationMethod.EPA_C1 && source.fuel() == null) {
            problem(path + ".fuel", "is required by EPA_C1, which takes the fuel's default HHV and factor");
        }
        for (MethodInput input : method.inputs()) {
            if (input.required() && !source.inputs().containsKey(input.name())) {
                problem(path + ".inputs", method + " needs input '" + input.name() + "'");
            }
        }
        for (Map.Entry<String, SourceInput> entry : source.inputs().entrySet()) {
            checkSourceInput(path + ".inputs." + entry.getKey(), method, entry.getKey(), entry.getValue(), tags);
        }
        checkHeatingValueBasis(path + ".inputs", source);
        checkCompositionMaxima(path + ".inputs", source);
        if (method == CalculationMethod.POLLUTANT_MASS) checkFlueGasBasis(path + ".inputs", source);
    }

    /**
     * Each concentration must be convertible to the stack flow's basis with what the source gives: the measured O2
     * for an O2-referenced one, the moisture between dry and wet (the same rule the calculation refuses by).
     */
    private void checkFlueGasBasis(String path, EmissionSource source) {
        UnitOfMeasure flow = unitOf(source, "stackFlow");
        if (flow == null) return;
        for (String name : PollutantMass.CONCENTRATION_INPUTS) {
            UnitOfMeasure concentration = unitOf(source, name);
            if (concentration == null) continue;
            FlueGasBasis.refusal(name, concentration, flow, unitOf(source, "o2"), source.inputs().containsKey("moisture"))
                    .ifPresent(r -> problem(path + "." + r.input(), r.reason()));
        }
    }

    /**
     * A gas's composition tags must have valid maxima that leave a possible gas: a silent analyser is filled at each
     * component's conservative end (its {@code valid.max}, China MEE's conservative value), and components that then
     * add up to more than the whole gas would make the hour's calculation refuse to compute.
     */
    private void checkCompositionMaxima(String path, EmissionSource source) {
        UnitOfMeasure volPercent = UnitOfMeasure.of("vol%");
        UnitOfMeasure percent = UnitOfMeasure.of("%");
        double sum = 0;
        List<String> components = new ArrayList<>();
        for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
            if (!input.getKey().endsWith("VolumeFraction") || !input.getValue().isTag()) continue;
            Tag tag = model.tag(input.getValue().tag()).orElse(null);
            UnitOfMeasure unit = tag == null ? null : UnitOfMeasure.find(tag.uom()).orElse(null);
            if (unit == null || tag.valid() == null || tag.valid().max() == null) continue;
            UnitOfMeasure as = unit.convertsTo(volPercent) ? volPercent : unit.convertsTo(percent) ? percent : null;
            if (as == null) continue;
            sum += tag.valid().max() * unit.factorTo(as);
            components.add(input.getKey() + " ≤ " + tag.valid().max() + " " + tag.uom());
        }
        if (sum > 100 + 1e-9) {
            problem(path, "the valid maxima of the composition tags sum to " + sum + " vol% (" + String.join(", ", components)
                    + "); a silent analyser is filled at each maximum, so they must sum to at most 100 vol%");
        }
    }

    private void checkOperatingStatus(String path, EmissionSource.OperatingStatus status, Set<String> tags) {
        if (status == null) return;
        refers(path + ".tag", status.tag(), tags, "tag", true);
        if (status.above() == null || !Double.isFinite(status.above())) {
            problem(path + ".above", "is required: the value above which the tag says the source operates");
        }
    }

    private void checkLoad(String path, EmissionSource.Load load, Set<String> tags) {
        if (load == null) return;
        refers(path + ".tag", load.tag(), tags, "tag", true);
        if (load.maximum() == null || !(load.maximum() > 0) || !Double.isFinite(load.maximum())) {
            problem(path + ".maximum", "is required: the unit's maximum hourly gross load in the tag's unit, a positive"
                    + " number, found " + load.maximum());
        }
    }

    /** Fuel × heating value is energy only when both are per gas volume, per liquid volume or per mass. */
    private void checkHeatingValueBasis(String path, EmissionSource source) {
        Dimension fuel = inputDimension(source, source.inputs().containsKey("flareGas") ? "flareGas" : "fuelQuantity");
        Dimension heat = inputDimension(source, source.inputs().containsKey("ncv") ? "ncv" : "hhv");
        if (fuel == null || heat == null) return;
        Dimension expected = switch (fuel) {
            case GAS_VOLUME, GAS_VOLUME_RATE -> Dimension.ENERGY_PER_GAS_VOLUME;
            case VOLUME, VOLUME_RATE -> Dimension.ENERGY_PER_VOLUME;
            case MASS, MASS_RATE -> Dimension.ENERGY_PER_MASS;
            default -> null;
        };
        if (expected != null && heat != expected) {
            problem(path, "the fuel is measured as " + fuel + " but its heating value is " + heat
                    + "; they must share a basis (" + expected + ")");
        }
    }

    private Dimension inputDimension(EmissionSource source, String name) {
        UnitOfMeasure unit = unitOf(source, name);
        return unit == null ? null : unit.dimension();
    }

    /** The unit of a source's input, its tag's or the constant's; null when absent or unknown (refused elsewhere). */
    private UnitOfMeasure unitOf(EmissionSource source, String name) {
        SourceInput input = source.inputs().get(name);
        if (input == null) return null;
        String uom = input.isTag() ? model.tag(input.tag()).map(Tag::uom).orElse(null) : input.uom();
        return UnitOfMeasure.find(uom).orElse(null);
    }

    private void checkSourceInput(String path, CalculationMethod method, String name, SourceInput input, Set<String> tags) {
        MethodInput spec = method.input(name).orElse(null);
        if (spec == null) {
            problem(path, method + " takes no input '" + name + "'; it takes " + method.inputs().stream().map(MethodInput::name).toList());
            return;
        }
        String uom;
        if (input.isTag()) {
            if (!refers(path, input.tag(), tags, "tag", true)) return;
            uom = model.tag(input.tag()).orElseThrow().uom();
        } else {
            if (input.value() == null) {
                problem(path, "a constant input needs a value");
                return;
            }
            uom = input.uom();
            if (!knownUnit(path + ".uom", uom)) return;
        }
        UnitOfMeasure unit = UnitOfMeasure.find(uom).orElse(null);
        if (unit != null && !spec.accepts(unit.dimension())) {
            problem(path, method + " cannot use '" + uom + "' (" + unit.dimension() + ") for " + name + "; it needs "
                    + spec.dimensions());
        } else if (unit != null) {
            spec.basisProblem(method, unit).ifPresent(why -> problem(path, why));
        }
    }

    private void checkStream(String path, MaterialStream stream, Set<String> units, Set<String> tags) {
        refers(path + ".from", stream.from(), units, "unit", false);
        refers(path + ".to", stream.to(), units, "unit", false);
        refers(path + ".massFlow", stream.massFlow(), tags, "tag", true);
        if (stream.to() == null && stream.product() == null) {
            problem(path, "goes nowhere: give 'to' (a unit) or 'product'");
        }
        if (stream.to() != null && stream.product() != null) {
            problem(path, "has both 'to' and 'product'; a product stream leaves the site");
        }
        if (stream.from() == null && stream.to() == null) {
            problem(path, "touches no unit: give 'from' or 'to'");
        }
        if (stream.massFlow() != null && tags.contains(stream.massFlow())) {
            UnitOfMeasure unit = UnitOfMeasure.find(model.tag(stream.massFlow()).orElseThrow().uom()).orElse(null);
            if (unit != null && unit.dimension() != Dimension.MASS_RATE) {
                problem(path + ".massFlow", "tag '" + stream.massFlow() + "' is in '" + unit + "', not a mass flow (t/h, kg/h)");
            }
        }
    }

    private void checkAllocation(String path, PlantUnit unit) {
        PlantUnit.Allocation allocation = unit.allocation();
        if (allocation == null || !oneOf(path + ".basis", allocation.basis(), ALLOCATION_BASES, true)) return;
        if (allocation.basis().equals("mass")) {
            if (!allocation.factors().isEmpty()) {
                problem(path + ".factors", "the mass basis takes no factors: the streams' masses are the weights");
            }
            return;
        }
        Set<String> outputs = new TreeSet<>();
        model.streams().stream().filter(s -> unit.id() != null && unit.id().equals(s.from())).forEach(s -> outputs.add(s.id()));
        if (outputs.isEmpty()) {
            problem(path, "unit '" + unit.id() + "' has no output stream to allocate to");
            return;
        }
        boolean anyPositive = false;
        for (Map.Entry<String, Double> factor : allocation.factors().entrySet()) {
            String at = path + ".factors." + factor.getKey();
            Double value = factor.getValue();
            if (!outputs.contains(factor.getKey())) {
                problem(at, "'" + factor.getKey() + "' is not an output stream of unit '" + unit.id() + "'; its output streams: " + outputs);
            } else if (value == null || !Double.isFinite(value) || value < 0) {
                problem(at, "must be a finite number >= 0, found " + value);
            } else {
                anyPositive |= value > 0;
            }
        }
        Set<String> missing = new TreeSet<>(outputs);
        missing.removeAll(allocation.factors().keySet());
        if (!missing.isEmpty()) {
            problem(path + ".factors", "the " + allocation.basis() + " basis needs a factor for every output stream of unit '"
                    + unit.id() + "'; missing: " + missing);
        } else if (!anyPositive) {
            problem(path + ".factors", "are all zero: no output stream would carry the unit's emissions");
        }
    }

    /**
     * Emissions that circulate among units none of which leads to a product or to a unit without outputs can
     * never be allocated: the chain's linear system is singular for every hour.
     */
    private void checkClosedStreamLoops() {
        Map<String, Set<String>> upstream = new HashMap<>();
        Set<String> senders = new TreeSet<>();
        Set<String> open = new HashSet<>();
        for (MaterialStream s : model.streams()) {
            if (s.from() == null) continue;
            senders.add(s.from());
            if (s.product() != null) open.add(s.from());
            if (s.to() != null) upstream.computeIfAbsent(s.to(), k -> new HashSet<>()).add(s.from());
        }
        model.streams().stream().map(MaterialStream::to).filter(u -> u != null && !senders.contains(u)).forEach(open::add);
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(open);
        while (!todo.isEmpty()) {
            for (String up : upstream.getOrDefault(todo.pop(), Set.of())) {
                if (open.add(up)) todo.push(up);
            }
        }
        senders.removeAll(open);
        if (!senders.isEmpty()) {
            problem("streams", "units " + senders + " send all their output to each other and none of it leaves the site;"
                    + " give one of them a product stream");
        }
    }

    private void checkLimit(String path, Limit limit, Set<String> tags) {
        refers(path + ".tag", limit.tag(), tags, "tag", true);
        if (limit.max() == null) {
            problem(path + ".max", "is required");
        }
        if (limit.averaging() != null) {
            try {
                Duration d = Duration.parse(limit.averaging());
                if (d.isNegative() || d.isZero()) problem(path + ".averaging", "must be a positive duration");
            } catch (DateTimeParseException e) {
                problem(path + ".averaging", "'" + limit.averaging() + "' is not an ISO-8601 duration such as PT1H");
            }
        }
    }

    private void checkUnitCycles() {
        Map<String, String> parents = new HashMap<>();
        model.units().forEach(u -> parents.put(u.id(), u.parent()));
        for (int i = 0; i < model.units().size(); i++) {
            Set<String> seen = new HashSet<>();
            String at = model.units().get(i).id();
            while (at != null && seen.add(at)) at = parents.get(at);
            if (at != null && at.equals(model.units().get(i).id())) {
                problem("units[" + i + "].parent", "unit '" + at + "' is its own ancestor (cycle " + seen + ")");
            }
        }
    }

    private <T> Set<String> ids(String path, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value == null || value.isBlank()) {
                problem(path + "[" + i + "].id", "is required");
            } else if (!seen.add(value)) {
                problem(path + "[" + i + "].id", "duplicate id '" + value + "'");
            }
        }
        return seen;
    }

    private boolean refers(String path, String value, Set<String> known, String kind, boolean mandatory) {
        if (value == null) {
            if (mandatory) problem(path, "is required");
            return false;
        }
        if (!known.contains(value)) {
            problem(path, "unknown " + kind + " '" + value + "'");
            return false;
        }
        return true;
    }

    private boolean knownUnit(String path, String uom) {
        if (!required(path, uom)) return false;
        if (UnitOfMeasure.find(uom).isEmpty()) {
            problem(path, "unknown unit '" + uom + "'");
            return false;
        }
        return true;
    }

    private boolean oneOf(String path, String value, Set<String> allowed, boolean mandatory) {
        if (value == null) {
            if (mandatory) problem(path, "is required; one of " + new java.util.TreeSet<>(allowed));
            return false;
        }
        if (!allowed.contains(value)) {
            problem(path, "'" + value + "' is not one of " + new java.util.TreeSet<>(allowed));
            return false;
        }
        return true;
    }

    private boolean required(String path, String value) {
        if (value == null || value.isBlank()) {
            problem(path, "is required");
            return false;
        }
        return true;
    }

    private void problem(String path, String message) {
        problems.add(path + ": " + message);
    }
}
