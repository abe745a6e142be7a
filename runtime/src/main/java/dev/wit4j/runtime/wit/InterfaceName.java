package dev.wit4j.runtime.wit;

import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.Version;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An interface name as used for component imports and exports: {@code ns:pkg/iface@version}. */
record InterfaceName(PackageName pkg, String iface) {
    private static final Pattern FORM = Pattern.compile("([^:/@]+):([^:/@]+)/([^:/@]+)(?:@(.+))?");

    /** The parts of {@code name}, or empty for a plain (kebab-case) name. */
    static Optional<InterfaceName> parse(String name) {
        Matcher m = FORM.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Version version = null;
        if (m.group(4) != null) {
            version = Version.parse(m.group(4))
                    .orElseThrow(() -> new WitDecodingException("invalid version in interface name `" + name + "`"));
        }
        return Optional.of(new InterfaceName(PackageName.of(m.group(1), m.group(2), version), m.group(3)));
    }
}
