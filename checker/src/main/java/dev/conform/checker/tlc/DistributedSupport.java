package dev.conform.checker.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What TLC 2.18's distributed mode cannot check, refused before a server starts so that no run
 * gives a weaker verdict than a local one (each found by test, see DistributedTlcTest):
 * <ul>
 *   <li>temporal properties: TLCServer ignores {@code PROPERTY} and reports "No error has been
 *       found" for a liveness violation;</li>
 *   <li>{@code TLCGet}/{@code TLCSet}: TLCServer stops with "not supported by distributed TLC";</li>
 *   <li>Java operator overrides and options TLCServer does not know ({@code -simulate},
 *       {@code -workers}, {@code -dump}...): it stops with "unrecognized option".</li>
 * </ul>
 */
final class DistributedSupport {
    /** Options TLCServer's own parser accepts (tlc2.tool.distributed.TLCApp.create). */
    private static final Set<String> FLAGS = Set.of("-deadlock", "-terse", "-nowarning");
    private static final Set<String> WITH_VALUE = Set.of("-maxSetSize", "-fp", "-fpbits", "-fpmem", "-checkpoint");
    private static final Pattern EXTENDS = Pattern.compile("\\bEXTENDS\\s+(\\w+(?:\\s*,\\s*\\w+)*)");
    private static final Pattern INSTANCE = Pattern.compile("\\bINSTANCE\\s+(\\w+)");
    private static final Pattern TLC_GET_SET = Pattern.compile("\\bTLC(Get|Set)\\b");

    private DistributedSupport() {
    }

    /**
     * @throws TlcInputException saying what distributed TLC cannot check and what to do instead
     */
    static void requireSupported(TlcRequest req) {
        List<String> properties = ConfigFile.properties(req.config());
        if (!properties.isEmpty()) {
            throw unsupported(req.config() + ": PROPERTY " + String.join(" ", properties)
                    + ": distributed TLC checks no temporal or action properties (TLC 2.18's server ignores them "
                    + "and would report no error); check them locally, or state safety as an INVARIANT");
        }
        if (!req.extraClasspath().isEmpty()) {
            throw unsupported("Java operator overrides are not supported by distributed TLC");
        }
        List<String> args = req.tlcArguments();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (WITH_VALUE.contains(a)) {
                i++;
            } else if (!FLAGS.contains(a)) {
                throw unsupported("TLC option " + a + " is not supported by distributed TLC");
            }
        }
        for (Path module : userModules(req)) {
            String text = uncommented(module);
            Matcher m = TLC_GET_SET.matcher(text);
            if (m.find()) {
                throw unsupported(module + ": uses " + m.group() + ", which distributed TLC does not support "
                        + "(TLC 2.18's server stops with \"TLCSet & TLCGet operators not supported\"); "
                        + "use an explicit counter variable or check locally");
            }
        }
    }

    private static TlcInputException unsupported(String why) {
        return new TlcInputException("--distributed: " + why);
    }

    /** The root module and every module it extends or instantiates that is a file of ours, not TLC's. */
    static List<Path> userModules(TlcRequest req) {
        List<Path> folders = new ArrayList<>();
        folders.add(req.spec().getParent());
        folders.addAll(req.libraryPaths());
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> todo = new ArrayDeque<>(List.of(req.spec()));
        while (!todo.isEmpty()) {
            Path module = todo.pop();
            if (!seen.add(module)) {
                continue;
            }
            for (String name : imports(uncommented(module))) {
                for (Path folder : folders) {
                    Path f = folder.resolve(name + ".tla");
                    if (Files.isRegularFile(f)) {
                        todo.push(f.toAbsolutePath().normalize());
                        break;
                    }
                }
            }
        }
        return List.copyOf(seen);
    }

    private static List<String> imports(String text) {
        List<String> names = new ArrayList<>();
        Matcher e = EXTENDS.matcher(text);
        while (e.find()) {
            for (String n : e.group(1).split("\\s*,\\s*")) {
                names.add(n.trim());
            }
        }
        Matcher i = INSTANCE.matcher(text);
        while (i.find()) {
            names.add(i.group(1));
        }
        return names;
    }

    private static String uncommented(Path module) {
        try {
            return Files.readString(module).replaceAll("(?s)\\(\\*.*?\\*\\)", " ").replaceAll("\\\\\\*[^\\n]*", " ");
        } catch (IOException e) {
            return "";
        }
    }
}
