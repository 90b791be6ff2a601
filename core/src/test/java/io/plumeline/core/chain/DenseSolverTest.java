package io.plumeline.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseSolverTest {

    @Test
    void solvesASystemThatNeedsRowSwaps() {
        // A zero on the first diagonal entry: without pivoting the elimination would divide by zero.
        double[][] a = {{0, 2, 1}, {1, 1, 0}, {3, 0, 1}};
        double[] x = {1.5, -2, 4};
        double[] solved = DenseSolver.solve(a, multiply(a, x));
        for (int i = 0; i < x.length; i++) assertThat(solved[i]).isCloseTo(x[i], within(1e-12));
        assertThat(a[0][0]).isZero();
    }

    @Test
    void solvesRandomSystemsBackToTheirSolution() {
        Random r = new Random(11);
        for (int round = 0; round < 50; round++) {
            int n = 1 + r.nextInt(12);
            double[][] a = new double[n][n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian() * 1000;
                for (int j = 0; j < n; j++) a[i][j] = r.nextGaussian();
                a[i][i] += n;
            }
            double[] solved = DenseSolver.solve(a, multiply(a, x));
            for (int i = 0; i < n; i++) assertThat(solved[i]).isCloseTo(x[i], within(1e-9 * (1 + Math.abs(x[i]))));
        }
    }

    @Test
    void refusesASingularSystemNamingTheColumn() {
        double[][] a = {{1, -1}, {-1, 1}};
        assertThatThrownBy(() -> DenseSolver.solve(a, new double[] {1, 0}))
                .isInstanceOf(DenseSolver.SingularException.class)
                .satisfies(e -> assertThat(((DenseSolver.SingularException) e).column).isEqualTo(1));
    }

    private static double[] multiply(double[][] a, double[] x) {
        double[] b = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) b[i] += a[i][j] * x[j];
        }
        return b;
    }
}
