package dev.asyncjavalin.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the JUnit XML reports Surefire leaves in {@code target/surefire-reports} and checks them
 * against what the course promises: on untouched stubs every exercise test fails (a test that
 * passes there gives nothing to solve), on solutions every test passes.
 *
 * <p>Surefire rewrites only the reports of the classes it ran, so run {@code clean} first, or
 * reports from an earlier run are counted too.
 */
public final class ExerciseResults {

    public enum Expectation {
        FAIL, PASS;

        /** "fail" or "pass", as typed on the command line. */
        public static Expectation parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    public enum Outcome { PASSED, FAILED, SKIPPED }

    /** One {@code <testcase>}; {@code name} is {@code classname.name}, as a learner would search for it. */
    public record TestCase(String name, Outcome outcome) {
    }

    /** A one-line summary for the log, and one problem per test that broke the expectation. */
    public record Report(String summary, List<String> problems) {
    }

    private ExerciseResults() {
    }

    /** Checks the reports of {@code module}, a directory relative to the root such as {@code chapters/03}. */
    public static Report check(Path repoRoot, String module, Expectation expected) throws IOException {
        List<TestCase> tests = read(repoRoot.resolve(module));
        if (tests.isEmpty()) {
            String summary = module + ": no test results in " + module + "/target/surefire-reports (run the tests first)";
            return new Report(summary, List.of(summary));
        }
        Outcome wanted = expected == Expectation.FAIL ? Outcome.FAILED : Outcome.PASSED;
        String wantedWord = expected == Expectation.FAIL ? "failing" : "passing";
        List<String> problems = new ArrayList<>();
        for (TestCase test : tests) {
            if (test.outcome() != wanted) {
                problems.add(module + ": " + test.name() + " " + pastTense(test.outcome())
                        + ", expected to " + expected.name().toLowerCase(Locale.ROOT));
            }
        }
        // only the exercise tests are run against stubs, so a "fail" check counts exercise tests
        String counted = tests.size() + (expected == Expectation.FAIL ? " exercise tests" : " tests");
        String verdict = problems.isEmpty()
                ? "all " + wantedWord + " as expected"
                : problems.size() + " of them not " + wantedWord;
        return new Report(module + ": " + counted + ", " + verdict, problems);
    }

    private static String pastTense(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case SKIPPED -> "was skipped";
        };
    }

    /** Every test case in {@code moduleDir/target/surefire-reports/TEST-*.xml}; none if there are no reports. */
    public static List<TestCase> read(Path moduleDir) throws IOException {
        Path reports = moduleDir.resolve("target/surefire-reports");
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(reports)) {
            files = listing.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith("TEST-") && name.endsWith(".xml");
            }).sorted().toList();
        }
        List<TestCase> tests = new ArrayList<>();
        for (Path file : files) {
            tests.addAll(testCases(file));
        }
        return tests;
    }

    private static List<TestCase> testCases(Path report) throws IOException {
        Element suite;
        try {
            suite = newParser().parse(report.toFile()).getDocumentElement();
        } catch (SAXException e) {
            throw new IOException("cannot read " + report + ": " + e.getMessage(), e);
        }
        List<TestCase> tests = new ArrayList<>();
        NodeList testcases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            String name = testcase.getAttribute("classname") + "." + testcase.getAttribute("name");
            tests.add(new TestCase(name, outcome(testcase)));
        }
        return tests;
    }

    private static Outcome outcome(Element testcase) {
        boolean skipped = false;
        for (Node child = testcase.getFirstChild(); child != null; child = child.getNextSibling()) {
            String tag = child.getNodeName();
            if (tag.equals("failure") || tag.equals("error")) {
                return Outcome.FAILED;
            }
            skipped |= tag.equals("skipped");
        }
        return skipped ? Outcome.SKIPPED : Outcome.PASSED;
    }

    private static DocumentBuilder newParser() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // reports never need a DTD; refusing one keeps the parser from fetching files or URLs it names
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("the JDK's XML parser cannot be configured: " + e.getMessage(), e);
        }
    }
}
