package io.dharma.guardrails.cel;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.StructType;
import java.util.Map;
import java.util.Optional;

/** CEL struct types with a fixed set of fields, for values that are plain Java maps at run time. */
final class StructTypes {

    private StructTypes() {
    }

    static StructType of(String name, Map<String, CelType> fields) {
        ImmutableMap<String, CelType> copy = ImmutableMap.copyOf(fields);
        return StructType.create(name, ImmutableSet.copyOf(copy.keySet()), field -> Optional.ofNullable(copy.get(field)));
    }
}
