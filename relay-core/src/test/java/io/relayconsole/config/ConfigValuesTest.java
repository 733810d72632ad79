package io.relayconsole.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigValuesTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "30s, PT30S",
            "1m30s, PT1M30S",
            "2h, PT2H",
            "1.5h, PT1H30M",
            "-1s, PT-1S",
            "1h2m3s4ms, PT1H2M3.004S",
            "250us, PT0.00025S",
            "10ns, PT0.00000001S",
            "0, PT0S"})
    void goDurationsAreRead(String text, String expected) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void aBareNumberNeedsAUnit() {
        assertThatThrownBy(() -> GoDuration.parse("10"))
                .hasMessage("\"10\" is missing a unit (expected e.g. 10s, 500ms, 1m30s)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "", "s", "-", "1..5s", "1m 30s"})
    void nonDurationsAreRejected(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(expected e.g. 10s, 500ms, 1m30s)");
    }

    @Test
    void unknownDurationUnitsAreNamed() {
        assertThatThrownBy(() -> GoDuration.parse("3d"))
                .hasMessageStartingWith("\"3d\" has an unknown unit \"d\"");
    }

    @Test
    void durationsFormatTheGoWay() {
        assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(GoDuration.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(GoDuration.format(Duration.ofSeconds(-1))).isEqualTo("-1s");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "1,true", "yes,true", "ON,true", "false,false", "0,false", "no,false", "off,false",
            "'',false"})
    void booleansAcceptGcfgSpellings(String text, boolean expected) {
        assertThat(ConfigValues.parseBool(text)).isEqualTo(expected);
    }

    @Test
    void nonBooleansAreRejected() {
        assertThatThrownBy(() -> ConfigValues.parseBool("maybe"))
                .hasMessage("\"maybe\" is not a boolean (expected true or false)");
    }

    @ParameterizedTest
    @CsvSource({"100MiB, 104857600", "100MB, 104857600", "512KiB, 524288", "1GiB, 1073741824", "2048, 2048",
            "1.5KiB, 1536"})
    void byteSizesAreBase2(String text, long expected) {
        assertThat(ByteSize.parse(text)).isEqualTo(expected);
    }

    @Test
    void nonByteSizesAreRejected() {
        assertThatThrownBy(() -> ByteSize.parse("lots"))
                .hasMessage("\"lots\" is not a byte size (expected e.g. 512KiB, 100MiB, 1GiB)");
        assertThatThrownBy(() -> ByteSize.parse("10XB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portsMustBeInRange() {
        assertThat(ConfigValues.parsePort("65535", false)).isEqualTo(65535);
        assertThat(ConfigValues.parsePort("0", true)).isZero();
        assertThatThrownBy(() -> ConfigValues.parsePort("0", false))
                .hasMessage("\"0\" is not a valid port (expected 1 to 65535)");
        assertThatThrownBy(() -> ConfigValues.parsePort("65536", true))
                .hasMessage("\"65536\" is not a valid port (expected 0 to 65535)");
        assertThatThrownBy(() -> ConfigValues.parsePort("http", false))
                .hasMessage("\"http\" is not a whole number");
    }

    @Test
    void urlsMustBeAbsolute() {
        assertThat(ConfigValues.parseAbsoluteUri(" https://x.example.com ").getHost()).isEqualTo("x.example.com");
        assertThatThrownBy(() -> ConfigValues.parseAbsoluteUri("/relative"))
                .hasMessage("\"/relative\" is not an absolute URL (expected e.g. https://host:port)");
        assertThatThrownBy(() -> ConfigValues.parseAbsoluteUri("not a url"))
                .hasMessageStartingWith("\"not a url\" is not a valid URL");
    }

    @Test
    void commaListsDropBlanks() {
        assertThat(ConfigValues.splitCommaList("a, b,,c ")).containsExactly("a", "b", "c");
    }
}
