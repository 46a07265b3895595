package dev.daprliberty.comms.dapr;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The adapters that can carry the call to greeter, by their configuration name ({@code greeter.adapter}). */
public enum GreeterAdapter {
    REST_CLIENT("rest-client"),
    DAPR_SDK("dapr-sdk");

    private final String configName;

    GreeterAdapter(String configName) {
        this.configName = configName;
    }

    public static GreeterAdapter named(String configName) {
        return Arrays.stream(values())
                .filter(adapter -> adapter.configName.equals(configName.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("greeter.adapter (GREETER_ADAPTER) must be one of "
                        + Arrays.stream(values()).map(adapter -> adapter.configName).collect(Collectors.joining(", "))
                        + ", not '" + configName + "'"));
    }
}
