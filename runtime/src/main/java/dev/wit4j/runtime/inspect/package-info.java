/**
 * What a component can do, read from its structure alone: its tree of nested components, core
 * modules and instances, every import with its type and the instances it reaches, and where each
 * export comes from ({@link dev.wit4j.runtime.inspect.Inspection}). No core code is read.
 */
package dev.wit4j.runtime.inspect;
