package dev.wit4j.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the payloads of the {@code component-name} and {@code producers} custom
 * sections. Reading is lenient by design: a bad payload yields {@link Optional#empty()}, never an
 * exception (Binary.md, "Name Section": engines must not reject such components).
 */
final class CustomSections {

    private CustomSections() {}

    static Optional<ComponentNameSection> decodeNames(Bytes data, long dataOffset) {
        try {
            // The payload is read where it lies; positions are shifted to absolute offsets.
            BinaryReader r = reader(data);
            long base = Math.max(dataOffset, 0) - data.offset();
            List<ComponentNameSection.Subsection> subs = new ArrayList<>();
            while (!r.eof()) {
                long offset = base + r.position();
                int id = r.u8();
                long size = r.u32();
                BinaryReader s = r.slice(size);
                subs.add(nameSubsection(id, offset, s));
            }
            return Optional.of(new ComponentNameSection(subs));
        } catch (BinaryFormatException e) {
            return Optional.empty();
        }
    }

    private static ComponentNameSection.Subsection nameSubsection(int id, long offset, BinaryReader s) {
        int start = s.position();
        if (id == 0) {
            String name = s.string();
            if (s.eof()) {
                return new ComponentNameSection.ComponentName(offset, name);
            }
        } else if (id == 1) {
            Sort sort = sortOrNull(s);
            if (sort != null) {
                long count = s.u32();
                List<ComponentNameSection.NameAssoc> names = new ArrayList<>();
                for (long i = 0; i < count; i++) {
                    names.add(new ComponentNameSection.NameAssoc(s.u32(), s.string()));
                }
                if (s.eof()) {
                    return new ComponentNameSection.SortNames(offset, sort, names);
                }
                throw BinaryReader.error("trailing data at the end of a name map", s.position());
            }
        }
        // Unknown id or sort (or a component name followed by junk): keep the subsection raw.
        return new ComponentNameSection.Unknown(offset, id, Bytes.copyOf(s.buffer(), start, s.end()));
    }

    private static Sort sortOrNull(BinaryReader s) {
        int b = s.u8();
        if (b == 0x00) {
            CoreSort cs = CoreSort.ofCode(s.u8());
            return cs == null ? null : Sort.of(cs);
        }
        for (Sort sort : Sort.values()) {
            if (!sort.isCore() && sort.code() == b) {
                return sort;
            }
        }
        return null;
    }

    static Optional<ProducersSection> decodeProducers(Bytes data, long dataOffset) {
        try {
            BinaryReader r = reader(data);
            List<ProducersSection.Field> fields = new ArrayList<>();
            long n = r.u32();
            for (long i = 0; i < n; i++) {
                String name = r.string();
                long m = r.u32();
                List<ProducersSection.Value> values = new ArrayList<>();
                for (long j = 0; j < m; j++) {
                    values.add(new ProducersSection.Value(r.string(), r.string()));
                }
                fields.add(new ProducersSection.Field(name, values));
            }
            return r.eof() ? Optional.of(new ProducersSection(fields)) : Optional.empty();
        } catch (BinaryFormatException e) {
            return Optional.empty();
        }
    }

    private static BinaryReader reader(Bytes data) {
        return new BinaryReader(data.array(), data.offset(), data.offset() + data.length());
    }

    static Bytes encode(ComponentNameSection names) {
        BinaryWriter w = new BinaryWriter();
        for (ComponentNameSection.Subsection sub : names.subsections()) {
            BinaryWriter body = new BinaryWriter();
            int id;
            if (sub instanceof ComponentNameSection.ComponentName c) {
                id = 0;
                body.string(c.name());
            } else if (sub instanceof ComponentNameSection.SortNames s) {
                id = 1;
                body.u8(s.sort().code());
                if (s.sort().isCore()) {
                    body.u8(s.sort().coreSort().code());
                }
                body.uleb(s.names().size());
                for (ComponentNameSection.NameAssoc a : s.names()) {
                    body.uleb(a.index()).string(a.name());
                }
            } else {
                ComponentNameSection.Unknown u = (ComponentNameSection.Unknown) sub;
                id = u.id();
                body.bytes(u.data().array(), u.data().offset(), u.data().length());
            }
            w.u8(id).uleb(body.size()).bytes(body);
        }
        return Bytes.wrap(w.toByteArray());
    }

    static Bytes encode(ProducersSection producers) {
        BinaryWriter w = new BinaryWriter();
        w.uleb(producers.fields().size());
        for (ProducersSection.Field f : producers.fields()) {
            w.string(f.name()).uleb(f.values().size());
            for (ProducersSection.Value v : f.values()) {
                w.string(v.name()).string(v.version());
            }
        }
        return Bytes.wrap(w.toByteArray());
    }
}
