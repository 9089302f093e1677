package io.dharma.intake.store;

import java.util.List;

/** One page of a list: zero-based {@code page}, at most {@code size} items, {@code totalItems} overall. */
public record Page<T>(List<T> items, int page, int size, int totalItems) {

    public Page {
        items = List.copyOf(items);
    }
}
