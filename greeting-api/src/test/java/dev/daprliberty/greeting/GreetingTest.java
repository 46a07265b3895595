package dev.daprliberty.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GreetingTest {

    /** Surrounding white space is not part of the name; everything else, Unicode included, is kept as given. */
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            Ada|Hello, Ada!
              Ada Lovelace\t|Hello, Ada Lovelace!
            Zoë 山田 👋|Hello, Zoë 山田 👋!
            """)
    void greetsByName(String name, String message) {
        assertThat(Greeting.hello(name).message()).isEqualTo(message);
    }

    @Test
    void fallbackSaysWhereItComesFrom() {
        assertThat(Greeting.fallback(" Ada ").message()).isEqualTo("Hello, Ada (from fallback)!");
    }
}
