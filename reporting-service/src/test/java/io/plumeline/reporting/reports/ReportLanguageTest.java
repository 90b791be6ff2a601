package io.plumeline.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.site.Site;
import io.plumeline.reporting.api.BadParameterException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportLanguageTest {

    static final Site CHINESE = new Site("dalian-refinery", "Dalian Refinery", "Asia/Shanghai", "CN_MEE", "AR5", "zh-CN");
    static final Site UNSTATED = new Site("rotterdam-terminal", "Rotterdam", "Europe/Amsterdam", "EU_ETS", "AR5", null);

    @Test
    void theSitesLanguageUnlessLangSaysOtherwise() {
        assertThat(ReportLanguage.of(null, CHINESE)).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(ReportLanguage.of("", CHINESE).getLanguage()).isEqualTo("zh");
        assertThat(ReportLanguage.of(null, UNSTATED)).isEqualTo(Locale.ENGLISH);
        assertThat(ReportLanguage.of("en", CHINESE)).isEqualTo(Locale.ENGLISH);
        assertThat(ReportLanguage.tag(ReportLanguage.of("zh-CN", UNSTATED))).isEqualTo("zh-CN");
    }

    @Test
    void otherLanguagesAreRefusedNamingLang() {
        assertThatThrownBy(() -> ReportLanguage.of("zh-TW", CHINESE)).isInstanceOf(BadParameterException.class)
                .hasMessageContaining("'lang'").hasMessageContaining("zh-CN");
    }
}
