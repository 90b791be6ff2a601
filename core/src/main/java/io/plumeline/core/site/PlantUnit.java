package io.plumeline.core.site;

/** A process unit of the plant (crude distillation, a heater, a boiler); units nest through {@code parent}. */
public record PlantUnit(String id, String name, String parent) {
}
