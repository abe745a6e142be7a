/**
 * Composition: plugging the exports of components into the imports of another, producing one
 * component binary ({@link dev.wit4j.runtime.compose.Composition}).
 */
package dev.wit4j.runtime.compose;
