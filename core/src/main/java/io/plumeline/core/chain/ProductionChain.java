package io.plumeline.core.chain;

import io.plumeline.core.site.MaterialStream;
import io.plumeline.core.site.PlantUnit;
import io.plumeline.core.site.SiteModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries each hour's emissions along the site's streams to its products. A unit holds its own sources' CO2e
 * plus what its input streams bring, and passes it on to its output streams in proportion to their allocation
 * weights; a product carries what its streams carry. With recycle streams a unit's holding depends on itself,
 * so the holdings x solve x = E + A x, i.e. (I - A) x = E, where E is each unit's own CO2e and A[v][u] the
 * share of unit u's emissions that its streams pass to unit v.
 */
public final class ProductionChain {

    /** Products plus unallocated must give back the sources to this relative precision, or the hour is refused. */
    public static final double CONSERVATION_TOLERANCE = 1e-9;

    private final SiteModel model;
    private final List<String> units;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> chargedTo = new HashMap<>();
    private final Map<String, List<MaterialStream>> outputs = new HashMap<>();

    public ProductionChain(SiteModel model) {
        this.model = model;
        Set<String> inChain = new LinkedHashSet<>();
        for (PlantUnit unit : model.units()) {
            if (model.streams().stream().anyMatch(s -> unit.id().equals(s.from()) || unit.id().equals(s.to()))) {
                inChain.add(unit.id());
            }
        }
        units = List.copyOf(inChain);
        for (int i = 0; i < units.size(); i++) index.put(units.get(i), i);
        for (PlantUnit unit : model.units()) {
            String at = unit.id();
            while (at != null && !inChain.contains(at)) at = model.unit(at).orElseThrow().parent();
            if (at != null) chargedTo.put(unit.id(), at);
        }
        for (MaterialStream s : model.streams()) {
            if (s.from() != null) outputs.computeIfAbsent(s.from(), k -> new ArrayList<>()).add(s);
        }
    }

    /**
     * The unit of the chain that carries {@code unit}'s emissions: the unit itself when it has streams, else
     * its nearest ancestor with streams (a heater's CO2e goes with the distillation unit it fires); empty when
     * there is none.
     */
    public Optional<String> chargedTo(String unit) {
        return Optional.ofNullable(chargedTo.get(unit));
    }

    public ChainAllocation allocate(ChainHour hour) {
        StreamMasses.check(model, hour.hourStart(), hour.streamMassT());
        checkEmissions(hour);
        int n = units.size();
        double[] own = new double[n];
        Map<String, Double> outside = new LinkedHashMap<>();
        double sources = 0;
        for (Map.Entry<String, Double> e : hour.unitCo2eKg().entrySet()) {
            sources += e.getValue();
            String unit = chargedTo.get(e.getKey());
            if (unit == null) {
                outside.merge(e.getKey(), e.getValue(), Double::sum);
            } else {
                own[index.get(unit)] += e.getValue();
            }
        }
        Map<String, Double> shares = shares(hour.streamMassT());
        double[][] system = new double[n][n];
        for (int i = 0; i < n; i++) system[i][i] = 1;
        for (MaterialStream s : model.streams()) {
            if (s.from() != null && s.to() != null) system[index.get(s.to())][index.get(s.from())] -= shares.get(s.id());
        }
        refuseTrappedUnits(hour, shares);
        double[] held;
        try {
            held = DenseSolver.solve(system, own);
        } catch (DenseSolver.SingularException e) {
            throw new ChainException("hour " + hour.hourStart() + ": the chain cannot be solved at unit '" + units.get(e.column)
                    + "': almost all of what it holds is recycled and almost nothing leaves");
        }
        return result(hour, shares, held, outside, sources);
    }

    private ChainAllocation result(ChainHour hour, Map<String, Double> shares, double[] held, Map<String, Double> outside,
                                   double sources) {
        Map<String, Double> streamCo2e = new LinkedHashMap<>();
        Map<String, double[]> products = new LinkedHashMap<>();
        for (MaterialStream s : model.streams()) {
            double co2e = s.from() == null ? 0 : held[index.get(s.from())] * shares.get(s.id());
            streamCo2e.put(s.id(), co2e);
            if (s.product() != null) {
                double[] product = products.computeIfAbsent(s.product(), k -> new double[2]);
                product[0] += hour.streamMassT().get(s.id());
                product[1] += co2e;
            }
        }
        List<ProductIntensity> intensities = new ArrayList<>();
        products.forEach((product, massAndCo2e) -> intensities.add(new ProductIntensity(model.site().id(), product,
                hour.hourStart(), massAndCo2e[0], massAndCo2e[1],
                massAndCo2e[0] > 0 ? massAndCo2e[1] / massAndCo2e[0] : Double.NaN)));
        List<Unallocated> unallocated = new ArrayList<>();
        outside.forEach((unit, co2e) -> unallocated.add(new Unallocated(unit, co2e, Unallocated.Reason.OUTSIDE_CHAIN)));
        Map<String, Double> unitCo2e = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            unitCo2e.put(unit, held[i]);
            if (held[i] == 0) continue;
            if (!outputs.containsKey(unit)) {
                unallocated.add(new Unallocated(unit, held[i], Unallocated.Reason.NO_OUTPUT_STREAM));
            } else if (outputs.get(unit).stream().allMatch(s -> shares.get(s.id()) == 0)) {
                unallocated.add(new Unallocated(unit, held[i], Unallocated.Reason.NO_OUTPUT_THIS_HOUR));
            }
        }
        ChainAllocation allocation = new ChainAllocation(hour.hourStart(), intensities, streamCo2e, unitCo2e, unallocated, sources);
        double lost = sources - allocation.productsCo2eKg() - allocation.unallocatedCo2eKg();
        if (Math.abs(lost) > CONSERVATION_TOLERANCE * sources) {
            throw new ChainException("hour " + hour.hourStart() + ": products and unallocated miss " + lost + " kg CO2e of "
                    + sources + "; the chain's system is too ill-conditioned to trust");
        }
        return allocation;
    }

    /** Each stream's share of what its unit holds: its weight (mass, times the unit's factor) over the unit's total. */
    private Map<String, Double> shares(Map<String, Double> massT) {
        Map<String, Double> shares = new HashMap<>();
        outputs.forEach((unit, streams) -> {
            PlantUnit plantUnit = model.unit(unit).orElse(null);
            AllocationBasis basis = AllocationBasis.of(plantUnit);
            Map<String, Double> weights = new HashMap<>();
            double total = 0;
            for (MaterialStream s : streams) {
                double weight = massT.get(s.id()) * (basis == AllocationBasis.MASS ? 1 : plantUnit.allocation().factors().get(s.id()));
                weights.put(s.id(), weight);
                total += weight;
            }
            for (MaterialStream s : streams) shares.put(s.id(), total > 0 ? weights.get(s.id()) / total : 0);
        });
        return shares;
    }

    /**
     * A unit is solvable when, following the streams that carry a share this hour, it reaches a product or a
     * unit that passes nothing on. Units that cannot are a closed loop that keeps all it gets, and I - A is
     * singular.
     */
    private void refuseTrappedUnits(ChainHour hour, Map<String, Double> shares) {
        Map<String, Set<String>> upstream = new HashMap<>();
        Set<String> open = new HashSet<>();
        for (String unit : units) {
            List<MaterialStream> out = outputs.getOrDefault(unit, List.of());
            if (out.stream().allMatch(s -> shares.get(s.id()) == 0)
                    || out.stream().anyMatch(s -> s.product() != null && shares.get(s.id()) > 0)) {
                open.add(unit);
            }
            for (MaterialStream s : out) {
                if (s.to() != null && shares.get(s.id()) > 0) upstream.computeIfAbsent(s.to(), k -> new HashSet<>()).add(unit);
            }
        }
        Deque<String> todo = new ArrayDeque<>(open);
        while (!todo.isEmpty()) {
            for (String up : upstream.getOrDefault(todo.pop(), Set.of())) {
                if (open.add(up)) todo.push(up);
            }
        }
        List<String> trapped = units.stream().filter(u -> !open.contains(u)).toList();
        if (!trapped.isEmpty()) {
            throw new ChainException("hour " + hour.hourStart() + ": units " + trapped + " send all their output to each other"
                    + " and nothing leaves them, so the emissions they hold cannot be allocated (the recycle system is singular)");
        }
    }

    private void checkEmissions(ChainHour hour) {
        List<String> problems = new ArrayList<>();
        hour.unitCo2eKg().forEach((unit, co2e) -> {
            if (model.unit(unit).isEmpty()) {
                problems.add("unit '" + unit + "' of the emissions is not in the site model");
            } else if (co2e == null || !Double.isFinite(co2e) || co2e < 0) {
                problems.add("unit '" + unit + "' has " + co2e + " kg CO2e; it must be a finite number >= 0");
            }
        });
        StreamMasses.fail(hour.hourStart(), problems);
    }
}
