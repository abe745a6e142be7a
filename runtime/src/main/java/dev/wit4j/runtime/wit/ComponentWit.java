package dev.wit4j.runtime.wit;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.engine.CoreModuleException;
import dev.wit4j.runtime.internal.validate.ComponentValidator;
import dev.wit4j.runtime.internal.validate.ValidationException;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.WitPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recovers the WIT world of a component or core module, as {@code wasm-tools component wit} does.
 *
 * <pre>{@code
 * DecodedWit wit = ComponentWit.decode(Files.readAllBytes(path));
 * System.out.print(WitPrinter.print(wit.resolve()));
 * }</pre>
 *
 * <ul>
 *   <li>A component: its own imports and exports form world {@code root} of package
 *       {@code root:component}. Instances named {@code ns:pkg/iface@ver} become interfaces of
 *       package {@code ns:pkg@ver} with the types and functions their instance types export; type
 *       names come from the type exports; {@code [constructor]}, {@code [method]} and
 *       {@code [static]} functions become resource members.
 *   <li>A core module: the worlds embedded in its {@code component-type*} custom sections (what
 *       {@code wasm-tools component embed} and {@code jco embed} write) merged into world
 *       {@code root} of package {@code root:root}, with the packages they come from.
 * </ul>
 * Docs and feature gates are not recovered.
 */
public final class ComponentWit {
    private static final PackageName COMPONENT = PackageName.of("root", "component", null);
    private static final PackageName CORE = PackageName.of("root", "root", null);

    private ComponentWit() {}

    /**
     * Decodes, validates and recovers the world of a binary.
     *
     * @throws WasmFormatException if the binary is malformed or invalid (naming the reason and the
     *     offset), or its interface cannot be written as WIT ({@link WitDecodingException})
     */
    public static DecodedWit decode(byte[] bytes) {
        WasmBinary binary = ComponentDecoder.decode(bytes);
        if (binary instanceof Component component) {
            // the component's types are what WIT describes: its core code need not be validated
            return ofComponentType(
                    ComponentValidator.validateDeclarations(component).type());
        }
        try {
            CoreModule.parse(bytes, 0);
        } catch (CoreModuleException e) {
            throw new ValidationException(
                    (e.malformed() ? "malformed core module: " : "invalid core module: ") + e.reason(), e.offset(), e);
        }
        return ofCoreModule(bytes);
    }

    /** The world of a component with the given type, as {@code root:component/root}. */
    static DecodedWit ofComponentType(TypeView.Component type) {
        return ofComponent(type, COMPONENT, "root");
    }

    /**
     * The world of a component with the given type (see {@link dev.wit4j.runtime.Component#type()}), named
     * {@code pkg/world} rather than {@code root:component/root}: what bindings generated from a
     * component alone call its world. Interfaces keep the packages the component names them by.
     *
     * @throws WitDecodingException if the component's interface cannot be written as WIT
     */
    public static DecodedWit ofComponent(TypeView.Component type, PackageName pkg, String world) {
        PackageDraft root = new PackageDraft(pkg);
        WorldDraft draft = new WorldDraft(world, pkg);
        root.worlds.put(draft.name, draft);
        WorldDecoder decoder = new WorldDecoder();
        decoder.component(type, draft);
        return assemble(root, draft, PackageOrder.order(decoder.foreignPackages(), root));
    }

    private static DecodedWit ofCoreModule(byte[] bytes) {
        PackageDraft root = new PackageDraft(CORE);
        WorldDraft world = new WorldDraft("root", CORE);
        root.worlds.put(world.name, world);
        Map<PackageName, PackageDraft> packages = new LinkedHashMap<>();
        packages.put(CORE, root);
        for (ComponentTypeSections.Section s : ComponentTypeSections.read(bytes)) {
            WorldDraft embedded = embeddedWorld(s, packages);
            embedded.imports.forEach(world.imports::putIfAbsent);
            embedded.exports.forEach(world.exports::putIfAbsent);
        }
        return assemble(root, world, new ArrayList<>(packages.values()));
    }

    /** Decodes one {@code component-type} section; adds its packages to {@code packages}. */
    private static WorldDraft embeddedWorld(ComponentTypeSections.Section s, Map<PackageName, PackageDraft> packages) {
        TypeView.Component outer;
        try {
            outer = ComponentValidator.validate(ComponentDecoder.decodeComponent(s.data()))
                    .type();
        } catch (WasmFormatException e) {
            throw new WitDecodingException("custom section `" + s.name() + "`: " + e.reason(), s.offset() + e.offset());
        }
        TypeView.Component worldType = EmbeddedWorld.worldType(outer, s);
        String qualified = worldType.exports().keySet().iterator().next();
        InterfaceName id = InterfaceName.parse(qualified)
                .orElseThrow(() -> new WitDecodingException(
                        "custom section `" + s.name() + "`: world name `" + qualified
                                + "` is not of the form ns:pkg/world",
                        s.offset()));
        PackageDraft main = new PackageDraft(id.pkg());
        WorldDraft world = new WorldDraft(id.iface(), id.pkg());
        main.worlds.put(world.name, world);
        WorldDecoder decoder = new WorldDecoder();
        TypeView.Extern.ComponentItem item =
                (TypeView.Extern.ComponentItem) worldType.exports().get(qualified);
        decoder.world(item.type(), world);
        for (PackageDraft p : PackageOrder.order(decoder.foreignPackages(), main)) {
            PackageDraft known = packages.putIfAbsent(p.name, p);
            if (known != null) {
                known.merge(p);
            }
        }
        return world;
    }

    private static DecodedWit assemble(PackageDraft root, WorldDraft world, List<PackageDraft> ordered) {
        List<WitPackage> packages = new ArrayList<>();
        for (PackageDraft p : ordered) {
            packages.add(p.build());
        }
        return new DecodedWit(new Resolve(packages, root.name), world.build());
    }
}
