package io.plumeline.core.chain;

/**
 * Solves a small dense linear system by Gaussian elimination with partial pivoting. A chain has tens of units,
 * so O(n^3) is nothing and a library is not worth its weight in core.
 */
final class DenseSolver {

    /** Below this a pivot is taken for zero: the entries of I - A lie in [-1, 1]. */
    static final double PIVOT_TOLERANCE = 1e-12;

    private DenseSolver() {
    }

    /** Thrown with the column where no usable pivot was left. */
    static final class SingularException extends ArithmeticException {
        final int column;

        SingularException(int column) {
            super("no pivot in column " + column);
            this.column = column;
        }
    }

    /** x with a x = b; {@code a} and {@code b} are not changed. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
            }
            if (Math.abs(m[pivot][col]) < PIVOT_TOLERANCE) throw new SingularException(col);
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double f = m[row][col] / m[col][col];
                if (f == 0) continue;
                for (int k = col; k <= n; k++) m[row][k] -= f * m[col][k];
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) sum -= m[row][k] * x[k];
            x[row] = sum / m[row][row];
        }
        return x;
    }
}
