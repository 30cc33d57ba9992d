package io.mvinfra.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionWordsTest {

    @Test
    void putsTheModulesConditionsIntoWords() {
        assertThat(ConditionWords.ofEl("${entity.getCfValuesAsValues().get(\"providerSideId\") eq null}")).isEqualTo("providerSideId is empty");
        assertThat(ConditionWords.ofEl("${entity.getCfValuesAsValues().get(\"registrar\") ne null}")).isEqualTo("registrar is set");
        assertThat(ConditionWords.ofEl("${entity.getCfValuesAsValues().get(\"authenticationType\") != null}")).isEqualTo("authenticationType is set");
        assertThat(ConditionWords.ofEl("${entity.getCfValuesAsValues().get(\"kind\") eq \"CLOUDFLARE\"}")).isEqualTo("kind is CLOUDFLARE");
        assertThat(ConditionWords.ofEl("${entity.getCfValuesAsValues().get(\"recordType\") eq \"A\" or entity.getCfValuesAsValues().get(\"recordType\") eq \"AAAA\"}"))
                .isEqualTo("recordType is A or AAAA");
        assertThat(ConditionWords.ofEl(null)).isEqualTo("always");
    }

    @Test
    void showsAnExpressionItCannotReadAsWrittenWithoutItsDollarBraces() {
        assertThat(ConditionWords.ofEl("${fn:length(entity.code) > 3}")).isEqualTo("fn:length(entity.code) > 3");
    }
}
