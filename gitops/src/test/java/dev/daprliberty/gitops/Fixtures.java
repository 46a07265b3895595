package dev.daprliberty.gitops;

import java.nio.file.Path;

/** The repository as it is, rendered once per test run, and broken copies of it for the failing examples. */
final class Fixtures {

    private static GitopsTree tree;
    private static CrdCatalog crds;

    private Fixtures() {
    }

    static RepoLayout layout() {
        return RepoLayout.current();
    }

    static synchronized GitopsTree tree() {
        if (tree == null) {
            tree = GitopsTree.render(layout(), KubeTools.fromEnvironment());
        }
        return tree;
    }

    static synchronized CrdCatalog crds() {
        if (crds == null) {
            crds = CrdCatalog.load(layout().shared().resolve("crds"));
        }
        return crds;
    }

    /** A copy of the repository in {@code dir} with one text replaced in one file (path from the repo root), rendered. */
    static GitopsTree broken(Path dir, String file, String text, String replacement) {
        return GitopsTree.render(layout().copyTo(dir).edit(file, text, replacement), KubeTools.fromEnvironment());
    }
}
