package dev.daprliberty.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The repository as it is passes every check (FailingExamplesTest shows each one failing). */
class RepositoryChecksTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Check.class)
    void theRepositoryPasses(Check check) {
        assertThat(check.problems(Fixtures.tree())).isEmpty();
    }
}
