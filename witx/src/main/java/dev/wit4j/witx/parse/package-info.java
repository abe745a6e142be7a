/**
 * Lexer and parser: WIT text to a syntax tree ({@link dev.wit4j.witx.parse.Ast}), following the
 * grammar of WIT.md "Lexical structure" and "Top-level items". The syntax tree is unresolved:
 * names are not looked up. Use {@code dev.wit4j.witx.resolve.WitResolver} to get the model.
 */
package dev.wit4j.witx.parse;
