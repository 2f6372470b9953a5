package chatqa.rules;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A boolean expression over the named conditions of a composed rule, as the commercial suites
 * write them: {@code coupon && !apology}, {@code 1&&2||!3}, with parentheses; {@code !} binds
 * tighter than {@code &&}, which binds tighter than {@code ||}.
 */
public sealed interface BoolExpr extends Serializable permits BoolExpr.Ref, BoolExpr.Not, BoolExpr.And, BoolExpr.Or {

    boolean eval(Predicate<String> holds);

    /** Names the expression refers to, in reading order. */
    default Set<String> refs() {
        Set<String> out = new LinkedHashSet<>();
        collect(this, out, true, null);
        return out;
    }

    /** Names that make the expression true by holding (not under an odd number of {@code !}): where evidence is found. */
    default Set<String> positiveRefs() {
        Set<String> out = new LinkedHashSet<>();
        collect(this, out, true, Boolean.TRUE);
        return out;
    }

    private static void collect(BoolExpr e, Set<String> out, boolean positive, Boolean only) {
        if (e instanceof Ref r) {
            if (only == null || only == positive) {
                out.add(r.name());
            }
        } else if (e instanceof Not n) {
            collect(n.operand(), out, !positive, only);
        } else if (e instanceof And a) {
            collect(a.left(), out, positive, only);
            collect(a.right(), out, positive, only);
        } else if (e instanceof Or o) {
            collect(o.left(), out, positive, only);
            collect(o.right(), out, positive, only);
        }
    }

    record Ref(String name) implements BoolExpr {
        @Override
        public boolean eval(Predicate<String> holds) {
            return holds.test(name);
        }
    }

    record Not(BoolExpr operand) implements BoolExpr {
        @Override
        public boolean eval(Predicate<String> holds) {
            return !operand.eval(holds);
        }
    }

    record And(BoolExpr left, BoolExpr right) implements BoolExpr {
        @Override
        public boolean eval(Predicate<String> holds) {
            return left.eval(holds) && right.eval(holds);
        }
    }

    record Or(BoolExpr left, BoolExpr right) implements BoolExpr {
        @Override
        public boolean eval(Predicate<String> holds) {
            return left.eval(holds) || right.eval(holds);
        }
    }

    /**
     * Parses {@code text}; a name is letters, digits, '_' or '-'. Throws IllegalArgumentException
     * saying what was expected at which character (1-based) when the text is not an expression.
     */
    static BoolExpr parse(String text) {
        Parser p = new Parser(text);
        BoolExpr e = p.or();
        p.skipSpace();
        if (p.at < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.at) + "'");
        }
        return e;
    }

    /** Recursive descent over the three precedence levels. */
    final class Parser {
        private final String text;
        private int at;

        private Parser(String text) {
            this.text = text;
        }

        private BoolExpr or() {
            BoolExpr left = and();
            while (take("||")) {
                left = new Or(left, and());
            }
            return left;
        }

        private BoolExpr and() {
            BoolExpr left = unary();
            while (take("&&")) {
                left = new And(left, unary());
            }
            return left;
        }

        private BoolExpr unary() {
            if (take("!")) {
                return new Not(unary());
            }
            if (take("(")) {
                BoolExpr inner = or();
                if (!take(")")) {
                    throw error(at < text.length() ? "expected ')' but found '" + text.charAt(at) + "'" : "missing ')'");
                }
                return inner;
            }
            skipSpace();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_' || text.charAt(at) == '-')) {
                at++;
            }
            if (start == at) {
                throw error(at < text.length() ? "expected a condition name, '!' or '(' but found '" + text.charAt(at) + "'"
                        : "expected a condition name after the last operator");
            }
            return new Ref(text.substring(start, at));
        }

        private boolean take(String token) {
            skipSpace();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + (at + 1) + " of '" + text + "'");
        }
    }
}
