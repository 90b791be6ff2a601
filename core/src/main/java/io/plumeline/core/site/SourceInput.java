package io.plumeline.core.site;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.plumeline.core.units.Quantity;

/**
 * One input of an emission source's method: a tag id ({@code fuelQuantity: heater-1.fuel_gas_flow}), whose
 * readings are integrated over the hour when it is a rate, or a constant ({@code hhv: {value: 38.5, uom:
 * MJ/Nm3}}).
 */
public record SourceInput(String tag, Double value, String uom) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SourceInput ofTag(String tag) {
        return new SourceInput(tag, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static SourceInput ofConstant(@JsonProperty("value") Double value, @JsonProperty("uom") String uom) {
        return new SourceInput(null, value, uom);
    }

    @JsonIgnore
    public boolean isTag() {
        return tag != null;
    }

    @JsonIgnore
    public Quantity constant() {
        return Quantity.of(value, uom);
    }
}
