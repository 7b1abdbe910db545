package dev.conform.runtime.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The outputs one run of a {@link ScenarioScript} produced, block by block (in file order), and
 * their comparison with the outputs the file expects.
 */
public record Transcript(ScenarioScript script, List<List<String>> outputs) {
    public Transcript {
        outputs = List.copyOf(outputs);
    }

    /** True when every block printed exactly what the file expects. */
    public boolean matches() {
        return outputs.equals(script.blocks().stream().map(ScenarioScript.Block::expected).toList());
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
            if (!outputs.get(i).equals(b.expected())) {
                sb.append(script.file()).append(':').append(b.line()).append(": ").append(b.command()).append('\n');
                lineDiff(b.expected(), outputs.get(i)).forEach(line -> sb.append("    ").append(line).append('\n'));
            }
        }
        return sb.toString();
    }

    /** A longest-common-subsequence line diff; outputs are short, so quadratic is fine. */
    static List<String> lineDiff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        return out;
    }
}
