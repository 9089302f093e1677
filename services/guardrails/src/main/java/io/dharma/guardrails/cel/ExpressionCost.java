package io.dharma.guardrails.cel;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableExpr;

/**
 * An upper estimate of the work one evaluation of a parsed expression does, counted in expression
 * nodes evaluated. A comprehension ({@code all}, {@code exists}, {@code map}, {@code filter})
 * counts its condition and step once per iteration: a list literal iterates its size, any other
 * list {@value #UNKNOWN_RANGE} times (a blueprint holds at most that many resources), so nested
 * comprehensions multiply. CEL-Java has no cost estimator (cel-go's is not reachable from Java):
 * see ADR 0018.
 */
public final class ExpressionCost {

    public static final long UNKNOWN_RANGE = 200;

    private ExpressionCost() {
    }

    static long of(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
            CelExpr.CelComprehension comprehension = expr.comprehension();
            long iterations = comprehension.iterRange().getKind() == CelExpr.ExprKind.Kind.LIST
                    ? comprehension.iterRange().list().elements().size() : UNKNOWN_RANGE;
            long once = 1 + of(comprehension.iterRange()) + of(comprehension.accuInit()) + of(comprehension.result());
            long perIteration = of(comprehension.loopCondition()) + of(comprehension.loopStep());
            return saturatedAdd(once, saturatedMultiply(iterations, perIteration));
        }
        return CelNavigableExpr.fromExpr(expr).children()
                .mapToLong(child -> of(child.expr()))
                .reduce(1, ExpressionCost::saturatedAdd);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
