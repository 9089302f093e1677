package io.dharma.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void aCursorCarriesItsPositionBackUnchanged() {
        String cursor = PageCursor.encode("tenant-a/blueprint 7/ä");

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(cursor, CommonApiError.BAD_REQUEST)).isEqualTo("tenant-a/blueprint 7/ä");
    }

    @Test
    void aCursorThatIsNotBase64IsTheApisInvalidQuery() {
        assertThatThrownBy(() -> PageCursor.decode("not a cursor!", CommonApiError.BAD_REQUEST))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(CommonApiError.BAD_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("cursor is not one this API returned");
                });
    }
}
