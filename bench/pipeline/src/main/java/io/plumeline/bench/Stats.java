package io.plumeline.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and spread of repeated measurements. */
record Stats(List<Double> values) {

    Stats {
        if (values.isEmpty()) throw new IllegalArgumentException("no measurement");
        values = List.copyOf(values);
    }

    static Stats of(double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) list.add(v);
        return new Stats(list);
    }

    double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        return sorted().get(values.size() - 1);
    }

    int runs() {
        return values.size();
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
