package dev.asyncjavalin.tools;

import java.io.IOException;
import java.lang.reflect.Member;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names a hint may use in code: the identifiers of the course's own code (which compiles, so they
 * exist) and the public members of the library classes that code imports or a hint names. A hint that
 * says {@code CompletableFuture.completeOnTimeout} is checked against the class itself; a hint that says
 * {@code ctx.queryParam(...)} is checked for a method of that name, the receiver being the learner's own
 * variable.
 */
final class KnownNames {

    /** Where a class a hint names without its package is looked for, after the sources' imports. */
    private static final List<String> PACKAGES = List.of("java.lang", "java.util", "java.util.concurrent",
            "java.util.concurrent.atomic", "java.util.concurrent.locks", "java.util.function", "java.util.stream",
            "java.util.regex", "java.time", "java.io", "java.net", "java.net.http", "java.nio.file",
            "java.lang.management", "io.javalin", "io.javalin.http", "okhttp3", "okio", "org.assertj.core.api",
            "org.junit.jupiter.api", "org.HdrHistogram");
    /** Classes a learner's code uses without importing them. */
    private static final List<Class<?>> ALWAYS_THERE = List.of(Object.class, String.class, Thread.class, Integer.class,
            Long.class, Double.class, Character.class, Math.class, System.class, StringBuilder.class,
            StackTraceElement.class, Throwable.class);
    private static final Set<String> JAVA_WORDS = Set.of("try", "catch", "finally", "null", "long", "int", "double",
            "boolean", "class", "new", "return", "true", "false", "void", "this", "final", "static");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (static )?([\\w.]+?)(\\.\\*)?;");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|record|enum|interface) ([A-Z]\\w*)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");
    /** A chain of names joined by {@code .} or {@code ::}, and whether it follows an expression's dot. */
    private static final Pattern CHAIN = Pattern.compile("(?<!\\w)(\\.|::)?([A-Za-z_]\\w*(?:(?:\\.|::)[A-Za-z_]\\w*)*)");
    /** Not Java: a shell command, a path, a query string, a header's name or value, a pattern. */
    private static final Pattern NOT_CODE = Pattern.compile("^(?:mvn |\\./|/|\\{)|(?<![=!<>])=(?!=)|;|^[A-Z]\\w*(?:-[A-Z]\\w*)+$");

    private final Set<String> sourceWords = new HashSet<>();
    /** Simple class name to the text of the source file that declares it. */
    private final Map<String, String> sourceClasses = new HashMap<>();
    private final Map<String, Class<?>> imported = new HashMap<>();
    private final Set<String> libraryMembers = new HashSet<>();

    private KnownNames() {
    }

    /** The names of every source file under {@code modules}, and of the library classes they import. */
    static KnownNames of(List<Path> modules) throws IOException {
        KnownNames known = new KnownNames();
        ALWAYS_THERE.forEach(known::addLibraryClass);
        for (Path module : modules) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(module.resolve("src"))) {
                files = walk.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".jte")).toList();
            }
            for (Path file : files) {
                known.addSource(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return known;
    }

    private void addSource(String text) {
        String code = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
        Matcher word = WORD.matcher(code);
        while (word.find()) {
            sourceWords.add(word.group());
        }
        Matcher declaration = DECLARATION.matcher(code);
        while (declaration.find()) {
            sourceClasses.merge(declaration.group(1), text, String::concat);
        }
        Matcher anImport = IMPORT.matcher(code);
        while (anImport.find()) {
            String name = anImport.group(2);
            // import static a.b.C.member names a member: the class is the part before it
            String className = anImport.group(1) != null && anImport.group(3) == null
                    ? name.substring(0, name.lastIndexOf('.')) : name;
            load(className).ifPresent(this::addLibraryClass);
        }
    }

    private void addLibraryClass(Class<?> type) {
        imported.putIfAbsent(type.getSimpleName(), type);
        Stream.concat(Arrays.stream(type.getMethods()), Arrays.stream(type.getFields()))
                .map(Member::getName).forEach(libraryMembers::add);
        Arrays.stream(type.getClasses()).map(Class::getSimpleName).forEach(libraryMembers::add);
    }

    /** What in {@code code} names nothing that exists; empty when everything does. */
    List<String> unknownIn(String code) {
        List<String> unknown = new ArrayList<>();
        if (NOT_CODE.matcher(code).find()) {
            return unknown;
        }
        String withoutStrings = code.replaceAll("\"[^\"]*\"", "\"\"");
        Matcher chain = CHAIN.matcher(withoutStrings);
        while (chain.find()) {
            List<String> parts = List.of(chain.group(2).split("\\.|::"));
            boolean afterAnExpression = chain.group(1) != null;
            boolean placeholder = parts.size() == 1 && !afterAnExpression && insideParentheses(withoutStrings, chain.start())
                    && !followedByACall(withoutStrings, chain.end()) && Character.isLowerCase(parts.get(0).charAt(0));
            if (placeholder) {
                continue; // an argument's name in a signature, e.g. the `fallback` of getNow(fallback)
            }
            unknown.addAll(unknownIn(parts, afterAnExpression));
        }
        return unknown;
    }

    private List<String> unknownIn(List<String> parts, boolean afterAnExpression) {
        List<String> unknown = new ArrayList<>();
        int members = 0; // where the member names begin, after a class or a receiver
        if (!afterAnExpression) {
            int classEnd = qualifiedClassEnd(parts);
            String first = parts.get(0);
            if (classEnd > 0) {
                String className = String.join(".", parts.subList(0, classEnd));
                Optional<Class<?>> type = load(className);
                if (type.isEmpty()) {
                    return List.of("the class " + className);
                }
                members = classEnd;
                if (members < parts.size() && !hasMember(type.get(), parts.get(members))) {
                    unknown.add(className + "." + parts.get(members));
                }
                members++;
            } else if (looksLikeAClass(first) && (parts.size() > 1 || !libraryMembers.contains(first))) {
                Optional<String> problem = unknownMemberOfClass(first, parts.size() > 1 ? parts.get(1) : null);
                problem.ifPresent(unknown::add);
                members = 2;
            } else if (parts.size() == 1) { // a word such as allOf, or a constant such as OPEN or NaN
                if (!JAVA_WORDS.contains(first) && !sourceWords.contains(first) && !libraryMembers.contains(first)) {
                    unknown.add("'" + first + "'");
                }
                return unknown;
            } else {
                members = 1; // a variable of the learner's, such as ctx or client
            }
        }
        for (String member : parts.subList(Math.min(members, parts.size()), parts.size())) {
            if (!member.equals("class") && !sourceWords.contains(member) && !libraryMembers.contains(member)) {
                unknown.add("'" + member + "'");
            }
        }
        return unknown;
    }

    /** "C" or "C.member": C must be a class of the sources or a library class, and have the member. */
    private Optional<String> unknownMemberOfClass(String className, String member) {
        String source = sourceClasses.get(className);
        if (source != null) {
            boolean has = member == null || member.equals("class") || Pattern.compile("\\b" + Pattern.quote(member) + "\\b").matcher(source).find();
            return has ? Optional.empty() : Optional.of(className + "." + member);
        }
        Optional<Class<?>> type = imported.containsKey(className) ? Optional.of(imported.get(className))
                : PACKAGES.stream().map(p -> load(p + "." + className)).flatMap(Optional::stream).findFirst();
        if (type.isEmpty()) {
            return Optional.of("the class " + className);
        }
        if (member == null || hasMember(type.get(), member) || sourceWords.contains(member)) {
            return Optional.empty(); // a member the chapter's compiled code uses exists on its JDK, even a newer one
        }
        return Optional.of(className + "." + member);
    }

    private static boolean hasMember(Class<?> type, String member) {
        return member.equals("class")
                || Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(member))
                || Arrays.stream(type.getFields()).anyMatch(f -> f.getName().equals(member))
                || Arrays.stream(type.getClasses()).anyMatch(c -> c.getSimpleName().equals(member));
    }

    /** How many leading parts make a package-qualified class name (java.util.concurrent.Semaphore: 4), or 0. */
    private static int qualifiedClassEnd(List<String> parts) {
        int i = 0;
        while (i < parts.size() && Character.isLowerCase(parts.get(i).charAt(0))) {
            i++;
        }
        // lower-case parts and then a type: a package, whichever it is (a variable is never followed by a type)
        return i > 0 && i < parts.size() && looksLikeAClass(parts.get(i)) ? i + 1 : 0;
    }

    /** A type's name: capitalised, and not a constant such as OPEN. */
    private static boolean looksLikeAClass(String name) {
        return Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(java.util.Locale.ROOT));
    }

    private static boolean insideParentheses(String code, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            depth += code.charAt(i) == '(' ? 1 : code.charAt(i) == ')' ? -1 : 0;
        }
        return depth > 0;
    }

    private static boolean followedByACall(String code, int at) {
        return at < code.length() && code.charAt(at) == '(';
    }

    private static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, KnownNames.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty(); // the chapter's own class, or a library this module does not have
        }
    }
}
