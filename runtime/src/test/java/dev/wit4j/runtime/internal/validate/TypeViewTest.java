package dev.wit4j.runtime.internal.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.TypeView.Extern;
import dev.wit4j.runtime.TypeView.Shape;
import dev.wit4j.witx.model.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeViewTest {

    private static TypeView.Component type(String fixture) throws IOException {
        byte[] bytes = Files.readAllBytes(Paths.get("src", "test", "resources", "wit", fixture));
        return ComponentValidator.validate(ComponentDecoder.decodeComponent(bytes))
                .type();
    }

    @Test
    void importsAndExportsInBinaryOrder() throws IOException {
        TypeView.Component type = type("handles.wasm");
        assertEquals(
                List.of("test:fs/files@0.1.0", "file", "close"),
                List.copyOf(type.imports().keySet()));
        assertEquals(List.of("discard"), List.copyOf(type.exports().keySet()));
    }

    @Test
    void typeExportsKeepIdentity() throws IOException {
        TypeView.Component type = type("handles.wasm");
        TypeView.Instance files = ((Extern.InstanceItem) type.imports().get("test:fs/files@0.1.0")).type();

        Extern.TypeItem file = (Extern.TypeItem) files.exports().get("file");
        TypeView.Resource resource = assertInstanceOf(TypeView.Resource.class, file.created());
        assertEquals(file.referenced(), file.created(), "(sub resource) creates the resource it refers to");

        Extern.TypeItem bytes = (Extern.TypeItem) files.exports().get("bytes");
        TypeView.Defined list = assertInstanceOf(TypeView.Defined.class, bytes.referenced());
        assertEquals(
                new Shape.ListOf(new TypeView.Primitive(ValueType.Primitive.U8), java.util.OptionalLong.empty()),
                list.shape());
        TypeView.Defined named = assertInstanceOf(TypeView.Defined.class, bytes.created());
        assertNotEquals(list.id(), named.id(), "an export gives the type a new definition");

        TypeView.Func read = ((Extern.FuncItem) files.exports().get("read")).type();
        Shape.Borrow self = assertInstanceOf(
                Shape.Borrow.class, ((TypeView.Defined) read.params().get(0).type()).shape());
        assertEquals(resource, self.resource());
        Shape.Option result = assertInstanceOf(
                Shape.Option.class, ((TypeView.Defined) read.result().orElseThrow()).shape());
        assertEquals(
                named.id(), ((TypeView.Defined) result.type()).id(), "the function refers to the named definition");

        Extern.TypeItem worldFile = (Extern.TypeItem) type.imports().get("file");
        TypeView.Resource aliased = (TypeView.Resource) worldFile.referenced();
        assertEquals(resource.resource(), aliased.resource());
        assertNotEquals(aliased.entry(), ((TypeView.Resource) worldFile.created()).entry());
    }
}
