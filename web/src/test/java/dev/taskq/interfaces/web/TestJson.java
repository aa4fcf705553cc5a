package dev.taskq.interfaces.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stored task's input as a JSON object, for tests: web's test class path has the JSON-P API but no
 * implementation, and these tests only read the values. Strings are JSON strings; {@link #number} makes a number.
 */
final class TestJson {

    private TestJson() {
    }

    /** An object with these members, in this order: a String becomes a JSON string, a JsonValue stays. */
    static JsonObject object(Object... namesAndValues) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            members.put((String) namesAndValues[i], value instanceof JsonValue json ? json : new Text((String) value));
        }
        return new ObjectValue(members);
    }

    /** A number as JSON writes it. */
    static JsonValue number(long value) {
        return new JsonValue() {
            @Override
            public ValueType getValueType() {
                return ValueType.NUMBER;
            }

            @Override
            public String toString() {
                return Long.toString(value);
            }
        };
    }

    private record Text(String getString) implements JsonString {
        @Override
        public CharSequence getChars() {
            return getString;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.STRING;
        }
    }

    private static final class ObjectValue extends AbstractMap<String, JsonValue> implements JsonObject {
        private final Map<String, JsonValue> members;

        ObjectValue(Map<String, JsonValue> members) {
            this.members = members;
        }

        @Override
        public Set<Entry<String, JsonValue>> entrySet() {
            return members.entrySet();
        }

        @Override
        public ValueType getValueType() {
            return ValueType.OBJECT;
        }

        @Override
        public JsonString getJsonString(String name) {
            return (JsonString) members.get(name);
        }

        @Override
        public String getString(String name) {
            return getJsonString(name).getString();
        }

        @Override
        public String getString(String name, String defaultValue) {
            return members.get(name) instanceof JsonString s ? s.getString() : defaultValue;
        }

        @Override
        public boolean isNull(String name) {
            return members.get(name) == JsonValue.NULL;
        }

        @Override
        public JsonArray getJsonArray(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonObject getJsonObject(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonNumber getJsonNumber(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getInt(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getInt(String name, int defaultValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getBoolean(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getBoolean(String name, boolean defaultValue) {
            throw new UnsupportedOperationException();
        }
    }
}
