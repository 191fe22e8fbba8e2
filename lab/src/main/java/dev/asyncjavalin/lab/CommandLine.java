package dev.asyncjavalin.lab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The few {@code --name value} options the course's programs take, with messages a learner can act on. */
public final class CommandLine {

    private final Map<String, String> options;

    private CommandLine(Map<String, String> options) {
        this.options = options;
    }

    /** Accepts {@code --name value} and {@code --name=value}. */
    public static CommandLine parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "': options look like --port 7070");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new UsageException("option " + arg + " needs a value, e.g. " + arg + " 7070");
            }
        }
        return new CommandLine(options);
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int intOption(String name, int fallback, int min, int max) {
        String text = options.get(name);
        return text == null ? fallback : wholeNumber("--" + name, text, min, max);
    }

    /**
     * Some of {@code allowed}, separated by commas, in the order given; all of them when the option is
     * absent. A name not allowed is a usage mistake: the message lists the ones that are.
     */
    public List<String> listOption(String name, List<String> allowed) {
        String text = options.get(name);
        if (text == null) {
            return allowed;
        }
        List<String> chosen = List.of(text.split(","));
        if (!allowed.containsAll(chosen)) {
            String last = allowed.get(allowed.size() - 1);
            String choices = allowed.size() == 1 ? last : String.join(", ", allowed.subList(0, allowed.size() - 1)) + " and/or " + last;
            throw new UsageException("--" + name + " lists " + choices + ", separated by commas, got '" + text + "'");
        }
        return chosen;
    }

    /** Parses {@code text} as a whole number in [min, max], or says what {@code what} must be. */
    public static int wholeNumber(String what, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(what + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    /** A mistake on the command line or in the environment; the message says how to fix it. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
