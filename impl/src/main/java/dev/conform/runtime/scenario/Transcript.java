package dev.conform.runtime.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The outputs one run of a {@link ScenarioScript} produced, block by block, and their comparison
 * with the outputs the file expects.
 */
public final class Transcript {
    private final ScenarioScript script;
    private final List<List<String>> outputs;

    Transcript(ScenarioScript script, List<List<String>> outputs) {
        this.script = script;
        this.outputs = List.copyOf(outputs);
    }

    public ScenarioScript script() {
        return script;
    }

    /** Actual output of each block, in file order. */
    public List<List<String>> outputs() {
        return outputs;
    }

    /** True when every block printed exactly what the file expects. */
    public boolean matches() {
        for (int i = 0; i < outputs.size(); i++) {
            if (!outputs.get(i).equals(script.blocks().get(i).expected())) {
                return false;
            }
        }
        return true;
    }

    /** The file rewritten with the actual outputs (what {@code conform.golden.update} writes). */
    public String rendered() {
        return script.render(outputs);
    }

    /**
     * A readable report of every block whose output differs: the command with its file:line,
     * then a line diff ({@code -} expected only, {@code +} actual only, two spaces: both).
     * Empty when the transcript matches.
     */
    public String diff() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < outputs.size(); i++) {
            ScenarioScript.Block b = script.blocks().get(i);
            List<String> actual = outputs.get(i);
            if (actual.equals(b.expected())) {
                continue;
            }
            sb.append(script.file()).append(':').append(b.line()).append(": ").append(b.command())
                    .append('\n');
            for (String line : lineDiff(b.expected(), actual)) {
                sb.append("    ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** A longest-common-subsequence line diff; outputs are short, so quadratic is fine. */
    static List<String> lineDiff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("- " + a.get(i));
                i++;
            } else {
                out.add("+ " + b.get(j));
                j++;
            }
        }
        return out;
    }
}
