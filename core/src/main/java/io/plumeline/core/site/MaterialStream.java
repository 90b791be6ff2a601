package io.plumeline.core.site;

/**
 * A material flow of the production chain: from a unit (absent for feed entering the site) to a unit or
 * leaving the site as a product, its mass flow measured by a tag.
 */
public record MaterialStream(String id, String from, String to, String product, String massFlow, String material) {
}
