package dev.planb.spring.autoconfigure;

import java.util.function.Supplier;

import dev.planb.spi.support.Messages;

/** A {@code planb.*} property the application cannot start with; the message names the property. */
public class InvalidPlanBPropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param property the full property name, e.g. {@code planb.destinations[0].uri}
     * @param problem what is wrong and what to do
     */
    public InvalidPlanBPropertyException(String property, String problem) {
        super("Invalid property " + property + ": " + problem);
    }

    /**
     * Runs {@code conversion}, turning its failure into an error naming {@code property}.
     *
     * @param property the property the conversion reads
     */
    static <T> T converting(String property, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidPlanBPropertyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidPlanBPropertyException(property, Messages.firstLine(e));
        }
    }
}
