package io.dharma.blueprint.validation;

import java.util.Comparator;
import tools.jackson.core.JsonPointer;

/** JSON Pointer helpers: a readable dotted form for messages, and document-order sorting. */
final class Pointers {

    /** Orders pointers segment by segment, array indexes numerically, so /x/2 comes before /x/10. */
    static final Comparator<String> DOCUMENT_ORDER = Pointers::compare;

    private Pointers() {
    }

    static JsonPointer resource(int index) {
        return JsonPointer.compile("/spec/resources").appendIndex(index);
    }

    /** {@code /spec/resources/2/properties/size} as {@code spec.resources[2].properties.size}. */
    static String readable(String pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer rest = JsonPointer.compile(pointer); !rest.matches(); rest = rest.tail()) {
            if (rest.getMatchingIndex() >= 0 && isIndex(rest.getMatchingProperty())) {
                path.append('[').append(rest.getMatchingIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(rest.getMatchingProperty());
            }
        }
        return path.isEmpty() ? "document" : path.toString();
    }

    private static int compare(String left, String right) {
        JsonPointer a = JsonPointer.compile(left);
        JsonPointer b = JsonPointer.compile(right);
        while (!a.matches() && !b.matches()) {
            int bySegment = isIndex(a.getMatchingProperty()) && isIndex(b.getMatchingProperty())
                    ? Integer.compare(a.getMatchingIndex(), b.getMatchingIndex())
                    : a.getMatchingProperty().compareTo(b.getMatchingProperty());
            if (bySegment != 0) {
                return bySegment;
            }
            a = a.tail();
            b = b.tail();
        }
        return Boolean.compare(!a.matches(), !b.matches());
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit) && segment.length() < 10;
    }
}
