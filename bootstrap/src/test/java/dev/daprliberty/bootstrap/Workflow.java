package dev.daprliberty.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A GitHub Actions workflow of .github/workflows, as text and as a tree. */
record Workflow(String file, String text, JsonNode tree) {

    /** owner/repo[/path]@<full commit SHA> # v<major>.<minor>.<patch> */
    private static final Pattern PINNED = Pattern.compile(
            "uses: [\\w.-]+/[\\w./-]+@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+");
    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(.*)$", Pattern.MULTILINE);

    static Workflow read(String file) {
        return of(file, Repository.read(file));
    }

    static Workflow of(String file, String text) {
        return new Workflow(file, text, Yaml.parse(text));
    }

    JsonNode job(String name) {
        JsonNode job = tree.path("jobs").path(name);
        if (job.isMissingNode()) {
            throw new AssertionError(file + " has no job " + name);
        }
        return job;
    }

    /** The step of a job with that name (or, for a step without a name, whose uses starts with it). */
    JsonNode step(String job, String name) {
        for (JsonNode step : job(job).path("steps")) {
            if (step.path("name").asText().equals(name) || step.path("uses").asText().startsWith(name + "@")) {
                return step;
            }
        }
        throw new AssertionError(file + ": job " + job + " has no step " + name);
    }

    /** Runs a step's script the way GitHub's runner does (bash -eo pipefail), with {@code env} as its environment. */
    Execution run(String job, String step, Path directory, Map<String, String> env) {
        return Execution.run(List.of(Tools.require("bash", "your package manager").toString(), "--noprofile",
                "--norc", "-eo", "pipefail", "-c", step(job, step).path("run").asText()), env, directory, "");
    }

    /** Every `uses:` not pinned to a full commit SHA with its version tag in a comment. */
    List<String> unpinnedActions() {
        List<String> unpinned = new ArrayList<>();
        Matcher uses = USES.matcher(text);
        while (uses.find()) {
            if (!PINNED.matcher("uses: " + uses.group(1).strip()).matches()) {
                unpinned.add(file + ": " + uses.group(1).strip());
            }
        }
        return unpinned;
    }
}
