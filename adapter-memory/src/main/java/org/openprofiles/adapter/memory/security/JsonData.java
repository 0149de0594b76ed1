package org.openprofiles.adapter.memory.security;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as they come back from JSON, which is how the JDBI adapter keeps audit changes: maps with
 * text keys, lists, text, booleans, null, whole numbers as Integer when they fit (else Long) and
 * other numbers as Double; anything else as its text. A deep, unmodifiable copy.
 */
final class JsonData {

    private JsonData() {}

    static Map<String, Object> of(Map<String, Object> values) {
        return map(values);
    }

    private static Object value(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return map(map);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(value(item)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return wholeNumber(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? wholeNumber(big.longValue()) : big;
        }
        if (value instanceof Float || value instanceof Double || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        return value.toString();
    }

    private static Object wholeNumber(long number) {
        return number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE ? (Object) (int) number : (Object) number;
    }

    private static Map<String, Object> map(Map<?, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, item) -> copy.put(String.valueOf(key), value(item)));
        return Collections.unmodifiableMap(copy);
    }
}
